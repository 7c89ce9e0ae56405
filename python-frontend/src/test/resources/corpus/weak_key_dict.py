# weakref.WeakKeyDictionary: entries go when their keys die (by refcount or by the collector)
import weakref, gc, sys
class Key:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Key(%s)" % self.name
a, b, c = Key("a"), Key("b"), Key("c")
before = sys.getrefcount(a)
d = weakref.WeakKeyDictionary()
d[a] = 1
d[b] = [2]
d[c] = 3
print(len(d), d[a], d.get(b), d.get(Key("x")), d.get(Key("x"), "dflt"), a in d, Key("x") in d, 1 in d)
print(sys.getrefcount(a) == before, weakref.getweakrefcount(a), type(d))
print(list(d), sorted(k.name for k in d.keys()), sorted(map(str, d.values())), sorted((k.name, v) for k, v in d.items() if v != [2]))
d[a] = 10
print(len(d), d[a], weakref.getweakrefcount(a))
del b
print(len(d), list(d.keys()))
del d[c]
print(len(d), c in d)
# the KeyError names the weakref that was looked up
try:
    d[c]
except KeyError as e:
    print("KeyError", type(e.args[0]), e.args[0]() is c, e.args[0] is weakref.ref(c))
try:
    del d[c]
except KeyError as e:
    print("KeyError", type(e.args[0]), e.args[0]() is c)
try:
    d[1] = "int keys take no weak references"
except TypeError as e:
    print("TypeError:", e)
print(d.setdefault(c, "new"), d.pop(c), d.pop(c, "gone"), len(d))

# a key in a reference cycle goes at gc.collect()
cyc = Key("cycle")
cyc.me = cyc
d[cyc] = "in a cycle"
del cyc
print(len(d))
gc.collect()
print(len(d), list(d.items()))

# keys compare by __eq__/__hash__, as in a dict
class Named:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return isinstance(other, Named) and self.n == other.n
    def __hash__(self):
        return hash(self.n)
k1 = Named(1)
k2 = Named(1)
nd = weakref.WeakKeyDictionary({k1: "first"})
nd[k2] = "second"
print(len(nd), nd[k1], nd[Named(1)], list(nd)[0] is k1)
del k1
print(len(nd))
d2 = weakref.WeakKeyDictionary()
for i in range(5):
    d2[Key(i)] = i
print(len(d2))
