# __slots__ naming __dict__ and __weakref__: a managed dict beside the slots (and no weak references unless
# __weakref__ is named too), their sizes per version, the descriptors in the class, and a subclass without
# __slots__, which adds the weak reference list its base lacks.
import sys, weakref
class D:
    __slots__ = ("a", "__dict__")
class E:
    __slots__ = ("__dict__",)
class F:
    __slots__ = ("a", "__dict__", "__weakref__")
d = D(); d.x = 1; d.a = 2
e = E(); e.y = 3
f = F()
print(sys.getsizeof(d), sys.getsizeof(e), sys.getsizeof(f), d.__dict__, e.__dict__, vars(f))
for o in (d, e, f):
    try:
        weakref.ref(o); print("weakref ok")
    except TypeError as exc:
        print(exc)
print(sorted(k for k in D.__dict__ if k.startswith("__") and k in ("__dict__", "__weakref__")), sorted(k for k in F.__dict__ if k in ("__dict__", "__weakref__")))
class G(D):
    pass
g = G()
g.z = 5
print(sys.getsizeof(g), g.__dict__, weakref.ref(g)() is g, sorted(k for k in G.__dict__ if k in ("__dict__", "__weakref__")))
