# Descriptors the program writes: a data descriptor (__set__ or __delete__) comes before the instance's
# __dict__, a non-data one after it; a class attribute access asks __get__ with no instance; __set_name__ is
# called by type() for each value in the new namespace (its failure wrapped in 3.11, noted from 3.12).
class NonData:
    def __get__(self, obj, objtype=None):
        return ("get", obj is None, objtype.__name__)
class Data:
    def __get__(self, obj, objtype=None):
        return ("dget", None if obj is None else obj.__dict__.get("_v"))
    def __set__(self, obj, value):
        obj.__dict__["_v"] = value * 10
    def __delete__(self, obj):
        obj.__dict__.pop("_v", None)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, C.nd)
c.d = 4
print(c.d, C.d, c.__dict__)
del c.d
print(c.d, c.__dict__)
c.nd = "shadow"
print(c.nd)
c.__dict__["d"] = "in dict"
print(c.d)
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 1
    def __delete__(self, obj):
        print("deleting")
class R:
    ro = ReadOnly()
r = R()
try:
    r.ro = 5
except AttributeError as e:
    print("AttributeError", e)
del r.ro
class Typed:
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("expected int")
        setattr(obj, self.private, value)
class Point:
    x = Typed()
    y = Typed()
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, vars(p), type(Point.x).__name__)
try:
    p.x = "a"
except TypeError as e:
    print(e)
class Counter:
    def __init__(self):
        self.calls = 0
    def __get__(self, obj, objtype=None):
        self.calls += 1
        return self.calls
class H:
    c = Counter()
h = H()
print(h.c, h.c, H.c)
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, objtype=None):
        return "field " + self.name
class C:
    a = Field()
    b = Field()
    c = 3
print(C().a, C.b)
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no")
try:
    class D:
        x = Bad()
except Exception as e:
    print(type(e).__name__, e, getattr(e, "__notes__", None), type(e.__cause__).__name__)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, "a" in cls.__dict__)
class E(Base):
    a = Field()
