# Private names: inside a class, __name (not ending in __) is written _Class__name, for attributes, class-level
# names and __slots__ (which type() also sorts); bound methods compare by instance and function.
class C:
    __cls_private = 1
    def __init__(self):
        self.__x = 1
        self.__dunder__ = 2
        self._single = 3
    def __m(self):
        return self.__x
    def call(self):
        return self.__m() + C.__cls_private
c = C()
print(vars(c), sorted(k for k in C.__dict__ if "private" in k or "__m" in k), c.call(), c._C__x)
try:
    c.__x
except AttributeError as e:
    print(e)
class _Under:
    def __init__(self): self.__y = 5
print(vars(_Under()))
class D(C):
    def get(self):
        try:
            return self.__x
        except AttributeError as e:
            return str(e)
print(D().get())
del c._C__x
print(vars(c))
print(getattr(C, "__static_attributes__", ('_C__x', '__dunder__', '_single')))
class S:
    __slots__ = ("b", "a", "__c")
print(list(S.__dict__))
s = S(); s.b = 1; s.a = 2
class _U:
    __slots__ = ("__x",)
print(list(_U.__dict__))
class __:
    __slots__ = ("__y",)
print(list(__.__dict__))
class A:
    def m(self): pass
a = A()
print(hash(a.m) == hash(a.m), a.m == a.m, a.m is a.m, A().m == a.m)
