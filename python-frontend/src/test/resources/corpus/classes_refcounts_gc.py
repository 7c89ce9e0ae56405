# Classes as objects on the heap: what refers to a class (its __mro__, descriptors, subclasses, instances,
# the __class__ cell of methods using super(), a metaclass's classes), and classes dying only by the collector.
import gc
import sys

gc.collect()


class A:
    pass


print("A", sys.getrefcount(A))


class B(A):
    def hello(self):
        return super().__repr__()[:10]


print("A B", sys.getrefcount(A), sys.getrefcount(B))
instances = [B() for _ in range(3)]
print("B with instances", sys.getrefcount(B), sys.getrefcount(instances[0]))
m = instances[0].hello
print("bound method", sys.getrefcount(instances[0]), m()[:9])
del m


class Meta(type):
    pass


class K(metaclass=Meta):
    __slots__ = ("a", "b")


class L(K, B):
    pass


print("Meta K L", sys.getrefcount(Meta), sys.getrefcount(K), sys.getrefcount(L))
print("A B after L", sys.getrefcount(A), sys.getrefcount(B))
print("tracked", gc.is_tracked(A), gc.is_tracked(L), gc.is_tracked(L.__mro__), gc.is_tracked(L.__bases__), gc.is_tracked(instances[0]))
print("sizes", sys.getsizeof(K()), sys.getsizeof(L()) - sys.getsizeof(B()))
del instances


def make():
    class P:
        def f(self):
            return 1

    class Q(P):
        pass

    class MM(type):
        pass

    class R(Q, metaclass=MM):
        __slots__ = ("x",)

    return P, Q, R, MM


P, Q, R, MM = make()
r = R()
print("made", sys.getrefcount(P), sys.getrefcount(Q), sys.getrefcount(R), sys.getrefcount(MM), sys.getrefcount(r))
del P, Q, R, MM, r
print("collected", gc.collect())


class D:
    pass


del D
print("plain class collected", gc.collect())


class E:
    __slots__ = ()


del E
print("slotted class collected", gc.collect())
gc.set_debug(gc.DEBUG_SAVEALL)


class F(A):
    pass


class G(F, B):
    pass


del F, G
print("collected", gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
print(sorted(o.__name__ for o in gc.garbage if isinstance(o, type)))
gc.set_debug(0)
