# dict.keys(), values() and items() are views: live, sized, set-like (keys and items), reversible, 40 bytes each,
# and list() of one is sized as CPython sizes it (3.13 fills it as list_extend_dict does).
d = {1: 2, 3: 4}
k = d.keys()
print(list(k), list(k), len(k), 1 in k, k)
v = d.values(); i = d.items()
print(type(k).__name__, type(v).__name__, type(i).__name__, list(v), list(v), list(i), list(i))
print(k & {1}, k | {5}, k - {1}, k ^ {1, 9}, k == {1, 3}, i == {(1, 2), (3, 4)})
print(reversed(k).__class__.__name__, list(reversed(k)))
d[5] = 6
print(k, v, i)
import sys, gc
print(sys.getsizeof(k), gc.is_tracked(k), gc.get_referents(k) == [d], sys.getsizeof(reversed(k)))
print(type(reversed(d)).__name__, list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
for x in (k, v, i):
    try:
        print(hash(x) is not None)
    except TypeError as e:
        print(e)
print(k.isdisjoint([7, 8]), k.isdisjoint({1}), i.isdisjoint(i), {}.keys().isdisjoint({}.keys()))
print({1, 3, 5} == k, k != {1, 3, 5}, k < {1, 3, 5, 7}, k <= k, {1} < k, k > {1}, v == v, v == d.values())
print({1} & k, {1, 2} | k, [1, 99] - k if False else {1, 99} - k, {5, 9} ^ k, i & {(1, 'x'), (1, 2)})
print((1, 2) in i, (1, 3) in i, [1, 2] in i, 2 in v, 7 in v, bool({}.keys()), bool(k))
s = {0}
s |= k
print(s, type(s).__name__)
print(list(k), sys.getsizeof(list(k)), sys.getsizeof(list(d.items())), sys.getsizeof(list(iter(d))), sorted(k), tuple(v), set(i) == set(d.items()))
x = []
x.extend(d.values()); print(x, sys.getsizeof(x))
for key in k:
    pass
dd = {}
dd['self'] = dd.values()
print(dd)
try:
    for key in k:
        d[key * 100] = 0
except RuntimeError as e:
    print(e)
print(len(d), sys.getrefcount(d))
del k, v, i
print(sys.getrefcount(d))
try:
    {}.keys().isdisjoint()
except TypeError as e:
    print(e)
try:
    {}.keys() & 5
except TypeError as e:
    print(e)
try:
    {}.values() & {1}
except TypeError as e:
    print(e)
try:
    {}.keys() < 5
except TypeError as e:
    print(e)
