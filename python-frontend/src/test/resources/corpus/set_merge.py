# Sets made from sets and dicts (set_merge, set_update_internal): one resize up front, then the entries
# copied or inserted with the hashes the source keeps, so sizes differ from adding the same items one by one
import sys

s = set(range(100))
print("set(s)", sys.getsizeof(set(s)), "copy", sys.getsizeof(s.copy()), "frozenset(s)", sys.getsizeof(frozenset(s)))
print("from list", sys.getsizeof(set(list(s))), "from tuple", sys.getsizeof(set(tuple(s))))
d = dict.fromkeys(range(40))
print("set(d)", sys.getsizeof(set(d)), "frozenset(d)", sys.getsizeof(frozenset(d)))
print("from keys view of a list", sys.getsizeof(set(list(d))))

# a source with dummies (removed entries): the clean-insert path
t = set(range(50))
for i in range(0, 50, 3):
    t.discard(i)
print("with dummies", len(t), sys.getsizeof(set(t)), sys.getsizeof(t.copy()))

# update into a set that already holds items: normal insertions after one resize
u = set(range(10))
u.update(set(range(5, 60)))
print("update", len(u), sys.getsizeof(u))
u.update({k: None for k in range(200, 230)})
print("update from dict", len(u), sys.getsizeof(u))
u.update([1000, 1001])
print("update from list", len(u), sys.getsizeof(u))

# small ones
for n in (0, 1, 4, 5, 8, 9, 20):
    src = set(range(n))
    print(n, sys.getsizeof(set(src)), sys.getsizeof(src.copy()), sys.getsizeof(set(dict.fromkeys(src))))

# the hashes come from the source: no __hash__ call for a set or dict source, one per item for a list
calls = []

class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        calls.append(self.v)
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

keys = {Key(i) for i in range(5)}
calls.clear()
copy = set(keys)
print("hash calls, set source:", len(calls))
dk = dict.fromkeys(keys)
calls.clear()
set(dk)
print("hash calls, dict source:", len(calls))
calls.clear()
set(list(keys))
print("hash calls, list source:", len(calls))

# references: each item gains one per set holding it
item = "some item that is not interned " + str(7)
base = {item}
r0 = sys.getrefcount(item)
c1 = set(base)
c2 = base.copy()
c3 = frozenset(base)
print("refs gained:", sys.getrefcount(item) - r0)
del c1, c2, c3
print("after del:", sys.getrefcount(item) - r0)

class S(set):
    pass

print("set subclass", sys.getsizeof(S(s)) - sys.getsizeof(set(s)), type(S(s).copy()).__name__, sys.getsizeof(S(s).copy()))
