# Named __slots__ on subclasses of str, float, frozenset, list and dict: the slots follow the built-in's fields
# (a subclass of a subclass adds its own after its base's), with no __dict__ unless a class further down adds one;
# sizes, refcounts and the cycles through slots that gc.collect() finds are CPython's.
import gc
import sys


class Tagged(str):
    __slots__ = ("tag",)


class Both(Tagged):
    __slots__ = ("extra",)


class Opened(Tagged):
    pass


class Measure(float):
    __slots__ = ("unit", "note")


class Named(frozenset):
    __slots__ = ("name",)


class LS(list):
    __slots__ = ("owner",)


class DS(dict):
    __slots__ = ("default",)


t = Tagged("hello")
t.tag = "greeting"
print(t, t.tag, t.upper(), hasattr(t, "__dict__"), sys.getsizeof(t), gc.is_tracked(t))
try:
    t.other = 1
except AttributeError:
    print("AttributeError other")
b = Both("x")
try:
    b.tag
except AttributeError:
    print("AttributeError tag unset")
b.tag, b.extra = 1, 2
print(b, b.tag, b.extra, sys.getsizeof(b))
o = Opened("op")
o.tag = "t"
o.free = "f"
print(o.tag, o.free, o.__dict__, sys.getsizeof(o))
m = Measure(2.5)
m.unit = "kg"
print(m, m.unit, m * 2, sys.getsizeof(m), type(Measure.__dict__["unit"]).__name__)
n = Named([1, 2])
n.name = "pair"
print(sorted(n), n.name, sys.getsizeof(n))
ls = LS([1, 2, 3])
ls.owner = ls
ds = DS(a=1)
ds.default = 0
print(ls[:2], sys.getsizeof(ls), ds, ds.default, sys.getsizeof(ds), sys.getsizeof(LS()), sys.getsizeof(DS()))
for cls in (Tagged, Both, Opened, Measure, Named, LS, DS):
    print(cls.__name__, sys.getrefcount(cls), sorted(k for k in cls.__dict__ if not k.startswith("__") or k in ("__dict__", "__weakref__")))
gc.collect()
x = Tagged("cyc")
x.tag = [x]
y = Measure(1.0)
y.note = y
del x, y, ls
print("collected", gc.collect())
