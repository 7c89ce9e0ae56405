# Multiple inheritance: C3 method resolution order, lookup along it, super(), isinstance/issubclass,
# the errors CPython gives for an inconsistent MRO and for instance lay-out conflicts; class refcounts.
import sys


class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B"

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def who(self):
        return "C"

    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


def names(classes):
    return [k.__name__ for k in classes]


print(names(D.__mro__))
print(names(D.mro()))
print(names(D.__bases__), D.__base__.__name__, names(A.__bases__))
print(type(D.__mro__).__name__, type(D.mro()).__name__)
d = D()
print(d.who(), d.chain())
print(super(B, d).who(), super(C, d).who(), super(D, d).who())
print(isinstance(d, C), isinstance(d, B), isinstance(d, A), isinstance(d, object), isinstance(d, int))
print(issubclass(D, C), issubclass(D, (int, C)), issubclass(C, B), issubclass(B, A), issubclass(D, object))
print(isinstance(B(), C), isinstance(C(), (B, C)))


# a method found along the MRO, then changed on a class in it: the lookup must see the change
class X:
    def f(self):
        return "X.f"


class Y:
    def f(self):
        return "Y.f"

    def g(self):
        return "Y.g"


class Z(X, Y):
    pass


z = Z()
print(z.f(), z.g())
X.g = lambda self: "X.g"
print(z.g())
del X.f
print(z.f())
Y.f = lambda self: "Y.f2"
print(z.f())
Z.f = lambda self: "Z.f"
print(z.f(), names(Z.__mro__))


# a deeper hierarchy (the classic C3 example)
class O: pass
class F(O): pass
class E(O): pass
class DD(O): pass
class CC(DD, F): pass
class BB(DD, E): pass
class AA(BB, CC): pass


print(names(AA.__mro__))


# cooperative __init__ with keyword arguments
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]


class Left(Base):
    def __init__(self, left=0, **kw):
        super().__init__(**kw)
        self.left = left
        self.log.append("Left")


class Right(Base):
    def __init__(self, right=0, **kw):
        super().__init__(**kw)
        self.right = right
        self.log.append("Right")


class Both(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Both")


b = Both(left=1, right=2)
print(b.log, b.left, b.right)


# class attributes and class methods along the MRO
class P:
    tag = "P"

    @classmethod
    def make(cls):
        return cls.__name__


class Q:
    tag = "Q"
    other = "Q.other"


class R(P, Q):
    pass


print(R.tag, R.other, R.make(), R().tag)


# an inconsistent MRO, a duplicate base
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(O, E, F):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)


# instance lay-out conflicts
class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("b",)


class S3:
    __slots__ = ()


try:
    class S12(S1, S2):
        pass
except TypeError as e:
    print("TypeError:", e)
for bases in [(int, str), (list, dict), (S1, int), (tuple, set)]:
    try:
        type("Mixed", bases, {})
    except TypeError as e:
        print("TypeError:", e)


class S13(S1, S3):
    pass


s = S13()
s.a = 1
s.x = 2
print(s.a, s.x, names(S13.__mro__))

# refcounts: a class is referenced by its own __mro__, its __dict__ and __weakref__ descriptors, each
# subclass's __base__, __bases__ and __mro__, and each instance
print(sys.getrefcount(A), sys.getrefcount(B), sys.getrefcount(C), sys.getrefcount(D))
print(sys.getrefcount(S1), sys.getrefcount(S3), sys.getrefcount(S13))
print(sys.getrefcount(d), sys.getrefcount(z))
print(sys.getsizeof(D) == sys.getsizeof(A), sys.getsizeof(d) == sys.getsizeof(A()), sys.getsizeof(s))
