# weakref's Python parts: finalize (called once, when its object dies or when called; detach, peek, alive),
# WeakSet (members leave when they die), WeakMethod (alive while the object and the function are), weak
# references' equality (live ones compare their referents), and classes whose __slots__ name __weakref__
# (their instances take weak references; the list after the slots on 3.11, in the pre-header on 3.12+).
import gc, types  # types' import leaves a garbage class (CPython 3.13 imports it later on its own)
gc.collect()
import gc, weakref
class A:
    def m(self):
        return "m"
a = A()
f = weakref.finalize(a, print, "gone", 1)
print(f.alive, f.atexit, f.peek()[1:], repr(f).split(";")[1][:10])
del a
print(f.alive, f(), f.peek(), repr(f).endswith("dead>"))
b = A()
g = weakref.finalize(b, lambda: print("never"))
print(g.detach()[1].__name__, g.alive)
del b
s = weakref.WeakSet()
x, y, z = A(), A(), A()
s.add(x); s.add(y); s.update([z])
print(len(s), x in s, 5 in s)
del x
print(len(s))
s.discard(y)
print(len(s), list(s) == [z], bool(s))
t = weakref.WeakSet([z])
print(s == t, s <= t, len(s | t))
o = A()
wm = weakref.WeakMethod(o.m)
print(wm()(), wm() == o.m, wm == weakref.WeakMethod(o.m))
dead = []
wm2 = weakref.WeakMethod(o.m, dead.append)
del o
print(wm(), len(dead))
class P:
    __slots__ = ("v", "__weakref__")
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, P) and self.v == other.v
    __hash__ = None
p1, p2 = P(1), P(1)
print(weakref.ref(p1) == weakref.ref(p2), weakref.ref(p1) == weakref.ref(p1))
dead = weakref.ref(P(3))
print(dead == dead, dead == weakref.ref(p1))
import sys
class S:
    __slots__ = ("a", "__weakref__")
class T:
    __slots__ = ("a",)
s = S()
r = weakref.ref(s)
print(r() is s, sys.getsizeof(s), sys.getsizeof(T()), "__weakref__" in S.__dict__, S.__weakref__.__class__.__name__)
try:
    weakref.ref(T())
except TypeError as e:
    print(e)
s.a = [s]
del s
print(r() is not None, gc.collect(), r())
