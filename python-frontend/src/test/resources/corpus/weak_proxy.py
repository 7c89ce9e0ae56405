# weakref.proxy: attribute access, calls and item access go to the referent; ReferenceError once it is dead
import weakref, sys, gc
class Obj:
    def __init__(self, n):
        self.n = n
    def twice(self):
        return self.n * 2
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        return i + self.n
    def __str__(self):
        return "Obj(%d)" % self.n
class Fn:
    def __call__(self, x):
        return x + 1
o = Obj(3)
before = sys.getrefcount(o)
p = weakref.proxy(o)
print(type(p), sys.getrefcount(o) == before, p is weakref.proxy(o))
print(p.n, p.twice(), len(p), p[10], str(p), bool(p), p == o, p is o)
print(isinstance(p, Obj), isinstance(p, weakref.ProxyType), callable(p))
p.extra = "set through the proxy"
print(o.extra)
del p.extra
print(hasattr(o, "extra"), hasattr(p, "extra"), getattr(p, "missing", "default"))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
f = Fn()
cp = weakref.proxy(f)
print(type(cp), callable(cp), cp(41))
try:
    p(1)
except TypeError as e:
    print("TypeError:", e)
for x in (p, cp):
    try:
        hash(x)
    except TypeError as e:
        print("TypeError:", e)
print(weakref.ProxyType, weakref.CallableProxyType, weakref.ProxyTypes)

# the shared proxy, refs and proxies with callbacks, in the referent's list
r = weakref.ref(o)
events = []
pc = weakref.proxy(o, lambda x: events.append(("proxy callback", type(x).__name__)))
rc = weakref.ref(o, lambda x: events.append("ref callback"))
print(weakref.getweakrefcount(o), pc is p, weakref.getweakrefs(o)[0] is r, weakref.getweakrefs(o)[1] is p)
print(weakref.getweakrefs(o)[2] is rc, weakref.getweakrefs(o)[3] is pc, weakref.getweakrefcount(Obj(9)))
print(sys.getrefcount(p), sys.getrefcount(o) == before)

del o
print(events, r(), weakref.getweakrefcount(p))
for action in (lambda: p.n, lambda: p.twice(), lambda: len(p), lambda: str(p), lambda: bool(p), lambda: setattr(p, "n", 1)):
    try:
        action()
    except ReferenceError as e:
        print("ReferenceError:", e)
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)

# a proxy whose referent dies in a cycle: cleared by gc.collect(), its callback called
class Node:
    pass
n = Node()
n.me = n
np = weakref.proxy(n, lambda x: print("cycle proxy callback", type(x).__name__))
print(sys.getsizeof(np) == sys.getsizeof(weakref.ref(n)))
del n
print("collected", gc.collect() >= 1)
try:
    np.me
except ReferenceError as e:
    print("ReferenceError:", e)

# a weakref hashes and compares as its referent (a proxy does neither)
m = Node()
print(hash(weakref.ref(m)) == hash(m), weakref.ref(m) == weakref.ref(m), weakref.ref(m) in {weakref.ref(m)})
