# Subclasses of int, float, str, tuple, bytes and frozenset: made through the built-in's __new__ (directly, through
# super() or a __new__ of their own) and __init__, with methods and attributes of their own; everything else
# behaves as the base type, whose operations give plain base-type objects.
import sys
import weakref


class MyInt(int):
    def double(self):
        return self * 2


class Name(str):
    def shout(self):
        return self.upper() + "!"


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


class F(float):
    pass


class B(bytes):
    pass


class FS(frozenset):
    pass


class Doubler(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


i = MyInt(3)
print(i, repr(i), i + 1, type(i + 1).__name__, type(i).__name__, i.double(), isinstance(i, int), i == 3, hash(i) == hash(3))
n = Name("bob")
print(n, repr(n), n.shout(), len(n), n[0], list(n), n + "x", type(n + "x").__name__, n == "bob", {n: 1}["bob"], "bob" in {n})
p = Point(1, 2)
print(p, p.x, len(p), p[1], p + (3,), type(p + (3,)).__name__, list(p), p == (1, 2))
f = F(1.5)
print(f, repr(f), f * 2, type(f * 2).__name__)
b = B(b"abc")
print(b, repr(b), b[0], len(b), b + b"d", type(b + b"d").__name__)
fs = FS([1, 2, 3])
print(fs, repr(fs), len(fs), 2 in fs, fs | {4}, type(fs | {4}).__name__, FS(), sorted(fs))
d = Doubler(5)
print(d, type(d).__name__)
i.tag = "t"
print(i.tag, i.__dict__)
print(str(n), type(str(n)).__name__, int(i), type(int(i)).__name__, tuple(p), type(tuple(p)).__name__)
print(f"{i} {n} {p} {f:.2f} {i:x}")
print(getattr(i, "nope", 0), hasattr(n, "nope"))


class Celsius(float):
    def __init__(self, value):
        self.unit = "C"

    def __repr__(self):
        return f"{float(self)}°C"


class Version(tuple):
    def __new__(cls, text):
        return super().__new__(cls, (int(p) for p in text.split(".")))

    def __str__(self):
        return ".".join(map(str, self))


class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __hash__(self):
        return hash(self.lower())


class Money(int):
    def __add__(self, other):
        return Money(int(self) + int(other))

    def __repr__(self):
        return f"Money({int(self)})"

    def __lt__(self, other):
        return int(self) > int(other)


class Tag(bytes):
    pass


class Frozen(frozenset):
    def describe(self):
        return f"{len(self)} items"


class Slim(int):
    __slots__ = ()


class SlimS(str):
    __slots__ = ()


c = Celsius(21.5)
print(c, str(c), c.unit, c + 1, type(c + 1).__name__, c > 20, round(c), int(c), float(c), type(float(c)).__name__)
v = Version("3.12.1")
print(v, repr(v), v > (3, 11), v[0], v.count(1), sorted([Version("1.2"), Version("1.10"), Version("1.3")]))
k = Caseless("Hello")
d = {k: 1}
print(k == "HELLO", d[Caseless("hello")], Caseless("X") in {Caseless("x")}, "hello" in d, k.upper(), type(k.upper()).__name__)
m = Money(5)
print(m + 3, repr(m + 3), m - 1, type(m - 1).__name__, sorted([Money(1), Money(3), Money(2)]), m * 2, -m, abs(Money(-2)))
t = Tag(b"ab")
print(t, t.decode(), t + b"c", type(t + b"c").__name__, t == b"ab", {t: 1}[b"ab"], t[1:], type(t[1:]).__name__)
fr = Frozen("abca")
print(sorted(fr), fr.describe(), fr & {"a", "z"}, type(fr & {"a"}).__name__, hash(fr) == hash(frozenset("abc")), fr == frozenset("abc"))
for o in (Slim(1), SlimS("x")):
    try:
        o.extra = 1
    except AttributeError:
        print("AttributeError", type(o).__name__, hasattr(o, "__dict__"))
print(isinstance(m, int), isinstance(m, Money), type(m) is Money, issubclass(Money, int), [k.__name__ for k in Money.__mro__])
print(Money.__base__.__name__, Version.__bases__, "__dict__" in Money.__dict__, "__weakref__" in Money.__dict__, "__weakref__" in Celsius.__dict__)
w = weakref.ref(c)
print(w() is c)
try:
    weakref.ref(v)
except TypeError as e:
    print("TypeError", e)
print(int.__new__(Money, 7), type(int.__new__(Money, 7)).__name__, str.__new__(Caseless, "q"), tuple.__new__(tuple, [1]))
print(bool(Slim(0)), bool(SlimS("")), bool(Version("0")), len(Frozen()), "%s-%d" % (Caseless("a"), Money(2)))
print(format(Money(255), "x"), f"{c:.1f}", f"{v}", "{}".format(m), str(t))
print(max(Money(1), Money(2)), Money(4) // 3, divmod(Money(7), 2), Money(2) ** 3, 3 + Money(1), type(3 + Money(1)).__name__)

# the base type's methods and protocols on instances of the plain subclasses
i = MyInt(5)
n = Name("bob smith")
p = Point(1, 2) + (3,)
p = Version("1.2.3")
print(n.split(), type(n.split()[0]).__name__, "-".join([Name("a"), Name("b")]), n * 2, type(n * 2).__name__)
print(n.startswith("bob"), "bob" in n, n in "x bob smith x", "%s!" % n, sorted([Name("b"), Name("a")]), n.title())
print(n[1:3], type(n[1:3]).__name__, n[:], type(n[:]).__name__, n.strip(), type(n.strip()).__name__, n.replace("b", "B"))
a, b, c = p
print(a, b, c, p.index(2), hash(p) == hash((1, 2, 3)), list(reversed(p)), p[::-1], type(p[::-1]).__name__, p[:], type(p[:]).__name__)
print(max(p), sum(p), p * 2, type(p * 2).__name__, 2 in p, tuple(x * 2 for x in p), sorted(p, reverse=True))
print(list(range(i)), [0] * MyInt(2), [10, 20, 30][MyInt(1)], bin(i), i.bit_length(), i // 2, i % 3, i << 2, -i, +i, type(+i).__name__, abs(i))
print(F(2.0).is_integer(), F(2.5) // 1, int(F(3.7)), round(F(2.567), 2), F(1) == 1, hash(F(1.0)) == hash(1))
print(B(b"abc")[1:], B(b"x") * 3, list(B(b"hi")), B(b"abc").decode(), B([65, 66]), B(3))
print(sorted(FS({3, 1, 2})), FS({1}) == {1}, FS({1}) | FS({2}), FS([1, 2]) - {1}, FS() or "empty", len(FS("hello")))
print({MyInt(1): "a", 1: "b"}, {Name("k"): 1, "k": 2}, {Point(1, 2): 1, (1, 2): 2}, {F(1.5), 1.5}, {FS({1}), frozenset({1})})
print(MyInt(), Name(), F(), B(), FS(), MyInt("12"), MyInt("ff", 16), Name(12), F("1.25"), B("hi", "utf-8"))
print(isinstance(True, MyInt), isinstance(MyInt(1), bool), type(MyInt(1) == 1).__name__)


# __eq__ alone makes a class unhashable; != stays the built-in's
class Weird(int):
    def __eq__(self, other):
        return True


try:
    hash(Weird(1))
except TypeError as e:
    print("TypeError", e)
print(Weird(1) == 5, Weird(2) != 3, Weird(2) != 2)


# a subclass of a subclass
class Sub2(MyInt):
    def extra(self):
        return self + 100


s2 = Sub2(7)
s2.note = "n"
print(s2, s2.extra(), s2.note, [k.__name__ for k in Sub2.__mro__], isinstance(s2, MyInt), vars(s2))

# weak references to the instances that have a weakref list; only exact str objects are interned
nm = Name("weak")
w = weakref.ref(nm)
print(w() is nm, weakref.getweakrefcount(nm))
del nm
print(w())
try:
    sys.intern(Name("abc"))
except TypeError as e:
    print("TypeError", e)


# a subclass's own truth and conversions; int, tuple and bytes take no named __slots__
class Z(int):
    def __bool__(self):
        return True


class E(tuple):
    def __len__(self):
        return 0


class Half(float):
    def __float__(self):
        return 0.5


class Seven(int):
    def __int__(self):
        return 7


class LL(list):
    def __bool__(self):
        return False


print(bool(Z(0)), bool(E((1,))), not Z(0), "yes" if Z(0) else "no", bool(LL([1])), float(Half(2.0)), int(Seven(3)), Seven(3) + 1)


def int_slots():
    class X(int):
        __slots__ = ("a",)


def tuple_slots():
    class X(tuple):
        __slots__ = "a"


def bytes_slots():
    class X(bytes):
        __slots__ = ("a", "b")


for bad in (int_slots, tuple_slots, bytes_slots):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


# __getattr__ for names found nowhere else, and the call, container and iteration protocols of the class
class S(str):
    def __getattr__(self, name):
        return name.upper()


class L(list):
    def __getattr__(self, name):
        return len(self)


s = S("a")
print(s.foo, s.upper(), getattr(s, "bar"), hasattr(s, "x"), L([1, 2]).size)


class C(int):
    def __call__(self, x):
        return self + x

    def __contains__(self, x):
        return x == 1

    def __getitem__(self, i):
        return i * 10

    def __iter__(self):
        return iter([7, 8])

    def __len__(self):
        return 2


c = C(5)
print(c(3), 1 in c, 2 in c, c[4], list(c), len(c), callable(c))
