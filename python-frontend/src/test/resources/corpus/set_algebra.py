# The set algebra as CPython's setobject.c runs it: sizes (sys.getsizeof) and iteration order of the results of
# the operators, their in-place forms and the methods with several arguments, sets, frozensets, dicts and other
# iterables as operands; which object a result holds; dict.fromkeys of a dict or a set sized in one resize.
import sys
S = sys.getsizeof
N = (0, 1, 2, 3, 4, 5, 8, 9, 12, 20)
def row(name, f):
    print(name.ljust(16), [S(f(n)) for n in N])
def order(name, v):
    print(name.ljust(16), type(v).__name__, list(v))
def ior(s, x):
    s |= x
    return s
def iand(s, x):
    s &= x
    return s
def isub(s, x):
    s -= x
    return s
def ixor(s, x):
    s ^= x
    return s
row('union range', lambda n: set(range(n)).union(range(n, 2 * n)))
row('union many', lambda n: set(range(n)).union(range(n), [n, n + 1], {n + 2}))
row('inter range', lambda n: set(range(2 * n)).intersection(range(n, 3 * n)))
row('inter many', lambda n: set(range(4 * n)).intersection(range(3 * n), set(range(n, 5 * n))))
row('diff range', lambda n: set(range(2 * n)).difference(range(n)))
row('diff dict', lambda n: set(range(2 * n)).difference(dict.fromkeys(range(n))))
row('diff many', lambda n: set(range(4 * n)).difference(range(n), {2 * n}))
row('symdiff range', lambda n: set(range(2 * n)).symmetric_difference(range(n, 3 * n)))
row('symdiff dict', lambda n: set(range(2 * n)).symmetric_difference(dict.fromkeys(range(n, 3 * n))))
row('inter_update', lambda n: (lambda s: (s.intersection_update(range(n, 3 * n)), s)[1])(set(range(4 * n))))
row('symdiff_update', lambda n: (lambda s: (s.symmetric_difference_update(range(n, 3 * n)), s)[1])(set(range(2 * n))))
row('diff_update', lambda n: (lambda s: (s.difference_update(range(n)), s)[1])(set(range(4 * n))))
row('update dict', lambda n: (lambda s: (s.update(dict.fromkeys(range(n))), s)[1])(set(range(3))))
row('isub big', lambda n: isub(set(range(n)), set(range(9 * n + 9))))
row('frozen |', lambda n: frozenset(range(n)) | set(range(n, 2 * n)))
row('frozen -', lambda n: frozenset(range(8 * n)) - {1})
row('frozen ^', lambda n: frozenset(range(2 * n)) ^ frozenset(range(n, 3 * n)))
row('frozen &', lambda n: frozenset(range(2 * n)) & set(range(n, 3 * n)))
row('fromkeys dict', lambda n: dict.fromkeys(dict.fromkeys(range(n))))
row('fromkeys strs', lambda n: dict.fromkeys({'k%d' % i: 1 for i in range(n)}))
row('fromkeys set', lambda n: dict.fromkeys(set(range(n))))
row('fromkeys fset', lambda n: dict.fromkeys(frozenset(range(n))))
row('fromkeys list', lambda n: dict.fromkeys(list(range(n))))
order('or', {5, 1, 9} | {3, 1, 40})
order('and', {5, 1, 9, 33, 17} & {9, 17, 5, 100})
order('and small', {9, 17} & {5, 1, 9, 33, 17})
order('sub', {5, 1, 9, 33, 17} - {9})
order('xor', {3, 2, 1} ^ {2, 5, 40})
order('ior', ior({5, 1}, {9, 3}))
order('iand', iand({5, 1, 9, 33}, {33, 9}))
order('isub', isub({5, 1, 9, 33}, {33}))
order('ixor', ixor({5, 1, 9}, {9, 7}))
order('frozen or', frozenset({5, 1}) | {9, 3})
order('frozen xor', frozenset({5, 1, 9}) ^ {9, 7})
order('frozen sub', frozenset(range(40)) - {3})
order('inter gen', {1, 2, 3}.intersection(x for x in (3, 2, 7)))
order('union many', {1}.union([3, 2], (5,), {4}))
big = 10 ** 30
probe = int('1' + '0' * 30)
held = {big}.intersection([probe])
print('holds the iterated object', next(iter(held)) is probe, next(iter(held)) is big)
s = {1, 2, 3}
print('self ops', s | s == s, s & s, s - s, s ^ s, isub(set(s), s) is not None)
try:
    {1} & [1]
except TypeError as e:
    print(e)
try:
    {1}.intersection([[1]])
except TypeError as e:
    print(e)
try:
    {1} - 1
except TypeError as e:
    print(e)
