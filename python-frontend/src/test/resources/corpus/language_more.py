# properties, static/class methods, operator overloading, formatting, builtins
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @staticmethod
    def s(a):
        return a + 1
    @classmethod
    def c(cls):
        return cls.__name__
p = P()
p.x = 5
print(p.x, P.s(1), p.s(2), P.c(), p.c())
class V:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, V) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __lt__(self, o):
        return (self.a, self.b) < (o.a, o.b)
    def __add__(self, o):
        return V(self.a + o.a, self.b + o.b)
    def __repr__(self):
        return "V(%r, %r)" % (self.a, self.b)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.a, self.b)[i]
    def __contains__(self, x):
        return x in (self.a, self.b)
    def __iter__(self):
        yield self.a
        yield self.b
vs = [V(2, 1), V(1, 2), V(1, 1)]
print(sorted(vs), V(1, 2) == V(1, 2), V(1, 2) != V(1, 3), V(1, 1) + V(2, 2), len(V(0, 0)), V(3, 4)[1], 3 in V(3, 4), list(V(5, 6)))
print(f"{'x'!r:>6}|{12345.678:,.2f}|{42:08b}|{-3:+d}|{0.000012345:.3e}|{1234.5:g}|{0.5:%}")
print("%5s|%-5s|%05d|%x|%r" % ("a", "b", 42, 255, "q"))
x = 10
print(f"{x=}, {x*2=}")
import sys
print(sys.version_info[:2] >= (3, 11), type(sys.version_info[0]).__name__)
d = {}
d.setdefault("a", []).append(1)
print(d, dict(a=1, b=2), dict([("x", 1)]), {**d, "z": 3})
print(isinstance(True, int), issubclass(bool, int), type(None).__name__, callable(len))
s = {3, 1, 2}
s.discard(1)
print(sorted(s), frozenset([1, 2]) == {1, 2}, set("abc") - set("b"))
print([1, 2, 3][-1], [1, 2, 3, 4][1:3], (1, 2, 3)[::2], "abc"[-2:], list(range(10, 0, -3)))
def kw(a, *, b=2, **rest):
    return a, b, rest
print(kw(1), kw(1, b=3, c=4))
try:
    kw()
except TypeError as e:
    print(e)
print(max([3, 1, 2], key=lambda v: -v), min("bca"), sum([0.1] * 10), round(-2.5), 10 / 4, 7 // -2, 2 ** 0.5)
print(int("0x1f", 16), int(3.9), int(-3.9), float("inf"), -0.0, 1e-5, 123456789012345678.0, 1.0e22)
print(str(b"ab"), bytes([65, 66]), b"a" + b"b", b"abc"[1], len(b"abc"), "é".encode())
print(divmod(-7, 2), abs(-2.5), pow(2, 10), bin(-5), hex(-255), oct(8))
print(list(zip(*[(1, 2), (3, 4)])), [*range(3), *"ab"], next(iter([]), "empty"))
while False:
    pass
else:
    print("while-else")
for i in range(3):
    if i == 5:
        break
else:
    print("for-else")
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]))
