# An instance's __dict__ is a split table (PEP 412): it shares its class's keys and holds only values, so
# sys.getsizeof counts the room those keys leave for values, not the keys. It stays split while its keys are
# str and fit the shared keys; popitem, a non-str key or a full table make it a combined dict.
import sys, gc
S = sys.getsizeof

class A:
    def __init__(self):
        self.y = 1
        self.x = 2

a = A(); b = A()
d = a.__dict__
print("materialised", S(d), S(b.__dict__), gc.is_tracked(d), len(d), list(d))
a.w = 5
print("attribute after", S(d), list(d), d['w'])
d['z'] = 3
print("str key", S(d), list(d), a.z)
del d['y']
print("del key", S(d), list(d), hasattr(a, 'y'))
d['y'] = 9
print("re-added", S(d), list(d))
print("copy", S(d.copy()), list(d.copy()))
print("dict()", S(dict(d)), "splat", S({**d}))
print("views", [k for k in d], list(d.values()), list(d.items()))
print("pop", d.pop('w'), S(d), list(d))
print("popitem", d.popitem(), S(d), list(d))
d.clear()
print("clear", S(d), list(d), a.__dict__ is d)
a.q = 1
print("attribute after clear", S(d), list(d))

c = A(); dc = c.__dict__
dc[1] = 2
print("int key", S(dc), list(dc), c.x)
e = A(); de = e.__dict__
de.update({'m': 1, 'n': 2})
print("update", S(de), list(de))
f = A(); df = f.__dict__
for i in range(40):
    df['k%d' % i] = i
print("full", S(df), len(df))
print("next instance", S(A().__dict__), "vars", S(vars(A())))

class B:
    pass
print("no attributes", S(B().__dict__), len(B().__dict__))

class C:
    def __init__(self):
        for i in range(10):
            setattr(self, 'a%d' % i, i)
print("ten attributes", S(C().__dict__))

# references: the dict and the instance
j = A(); dj = j.__dict__
print("refcounts", sys.getrefcount(dj), sys.getrefcount(j))
del j
print("dict outlives instance", list(dj), S(dj))
v = object()
t = A(); t.v = v
print("value refs", sys.getrefcount(v), end=" ")
td = t.__dict__
print(sys.getrefcount(v), end=" ")
tc = td.copy()
print(sys.getrefcount(v), end=" ")
del tc, t
print(sys.getrefcount(v), list(td))

# attributes and the dict stay one
n = A(); dn = n.__dict__
del n.x
print("delattr", S(dn), list(dn))
n.x = [1]
print("setattr", list(dn), gc.is_tracked(dn) or sys.version_info >= (3, 13))
m = A(); dm = m.__dict__; dm2 = dm.copy(); dm2['y'] = 7
print("copy is independent", m.y, S(dm2), list(dm2))

# __dict__ assignment
o = A(); do = o.__dict__
o.__dict__ = {'p': 1}
print("replaced", S(o.__dict__), list(do), o.p, hasattr(o, 'x'))
p = A()
p.__dict__ = {'r': 2}
print("replaced values", list(p.__dict__), hasattr(p, 'y'))
try:
    p.__dict__ = 5
except TypeError as ex:
    print("TypeError", ex)

# a dict that outlives its class
def make():
    class K:
        def __init__(self):
            self.a = 1
            self.b = [2]
    return K().__dict__
dk = make()
gc.collect()
print("orphan", S(dk), dk, gc.is_tracked(dk))
dk['c'] = 3
dk['a'] = 5
del dk['b']
print("orphan changed", S(dk), dk)

# cycles through instances and their dicts
for r in range(2):
    x = A(); x.me = x; dx = x.__dict__
    del x, dx
    print("cycle", gc.collect())
x = A(); dx = x.__dict__; dx['self'] = x
del x
print("cycle through the dict", gc.collect())
del dx
print("then", gc.collect())
k = A(); k.x = [k]; dk2 = k.__dict__
del k, dk2
print("cycle with a list", gc.collect())

# plain dicts: popitem gives its entry back, copy clones a compact table
pd = {i: i for i in range(5)}
pd.popitem(); pd[9] = 9; pd[10] = 10
print("plain popitem", S(pd), list(pd))
cd = {i: i for i in range(10)}
for i in range(7):
    del cd[i]
print("sparse copy", S(cd.copy()), S(dict(cd)), S(cd))
cd2 = {i: i for i in range(4)}
print("compact copy", S(cd2.copy()), S(dict(cd2)), S({**cd2}))
