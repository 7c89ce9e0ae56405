# Instances of subclasses of int, float, str, tuple, bytes and frozenset are laid out as CPython's type_new lays
# them out: the base type's object plus a __dict__ (in the pre-header, or for 3.11's int, tuple and bytes a
# pointer after the items) and a weakref list; all are tracked by the collector. Sizes, tracking, refcounts and
# the cycles through their __dict__ that gc.collect() finds are CPython's.
import gc
import sys


class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


class T(tuple):
    pass


class B(bytes):
    pass


class FS(frozenset):
    pass


class Is(int):
    __slots__ = ()


class Fs(float):
    __slots__ = ()


class Ss(str):
    __slots__ = ()


class Ts(tuple):
    __slots__ = ()


class Bs(bytes):
    __slots__ = ()


class FSs(frozenset):
    __slots__ = ()


class II(I):
    pass


values = [I(0), I(5), I(-7), I(2 ** 40), I(-(10 ** 30)), F(1.5), S(""), S("abc"), S("é"), S("€x"), S("😀"),
          T(), T((1, 2)), T((1, [])), B(b""), B(b"abc"), B(b"x" * 20), FS(), FS({1, 2}), FS(range(10)),
          Is(5), Fs(1.0), Ss("ab"), Ts((1,)), Bs(b"ab"), FSs({1}), II(3)]
for v in values:
    print(type(v).__name__, repr(v), sys.getsizeof(v), gc.is_tracked(v), sys.getrefcount(v))

# attributes live in the instance's __dict__, wherever the layout keeps it
for v in [I(1), I(-(2 ** 70)), T((1, 2, 3)), B(b"abcdefg"), B(b"abcdefgh"), F(2.0), S("q"), FS("ab"), II(9)]:
    v.a = 1
    v.b = [v]
    print(type(v).__name__, repr(v), sorted(v.__dict__), v.a, v.b[0] is v, sys.getsizeof(v), gc.is_tracked(v))
    del v.b

# the classes: their __dict__ descriptors and __mro__ refer to them
for cls in (I, F, S, T, B, FS, Is, II):
    print(cls.__name__, sys.getrefcount(cls), "__dict__" in cls.__dict__, "__weakref__" in cls.__dict__)

# values made by the base type's operations are plain objects of the base type
print(type(I(2) + I(3)).__name__, type(S("a") + S("b")).__name__, type(T((1,)) + T((2,))).__name__,
      type(B(b"a") + B(b"b")).__name__, type(F(1.0) * 2).__name__, type(FS({1}) | FS({2})).__name__)
print(sys.getsizeof(I(2) + I(3)), sys.getsizeof(S("ab") + S("c")), sys.getsizeof(T((1,)) + T((2,))))

# cycles through the instances' __dict__ (and a tuple subclass's items)
gc.collect()
a = T((1, 2))
a.me = a
b = F(2.0)
b.other = b
s = S("x")
s.items = [s]
i = I(10 ** 30)
i.loop = {"i": i}
by = B(b"12345678")
by.self = by
f = FS([1])
f.f = f
del a, b, s, i, by, f
print("collected", gc.collect())


class Node(tuple):
    pass


x = Node(([],))
x[0].append(x)
x.parent = x
del x
print("collected", gc.collect())
y = Node(([],))
y[0].append(y)
del y
print("collected", gc.collect())

# a str subclass's instance as a key makes a dict's keys general (larger entries); containers holding
# instances stay tracked
d1 = {S("a"): 1}
d2 = {"a": 1}
d3 = {"k": I(1)}
t = (I(1), 2)
gc.collect()
print(sys.getsizeof(d1), sys.getsizeof(d2), d1["a"], d2[S("a")], gc.is_tracked(d3), gc.is_tracked(t), gc.is_tracked((1, 2)))
d4 = {}
for k in "abcdefghij":
    d4[S(k)] = k
print(sys.getsizeof(d4), list(d4)[:3], S("c") in d4, "c" in d4)
