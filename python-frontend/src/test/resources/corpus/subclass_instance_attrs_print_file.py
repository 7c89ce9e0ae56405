# An attribute in the instance __dict__ of a built-in's subclass is found (and called) before the built-in's
# methods; print(file=...) writes each piece with its own write() call, as CPython's print does.
# compare-stderr
class D(dict):
    def __init__(self, factory=None, *a, **k):
        super().__init__(*a, **k)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
d = D(list)
d['a'].append(1)
print(d, isinstance(d, dict), len(d))
import sys
def f(*, file=sys.stdout):
    print("x", file=file)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = W(); print("hello", 1, file=w); print(w.parts)
class T(tuple):
    __slots__ = ()
    def __new__(cls, a, b): return tuple.__new__(cls, (a, b))
    @property
    def a(self): return self[0]
t = T(1, 2); print(t, t.a, type(t).__name__)
class L(list):
    pass
l = L(); l.append = lambda x: print("own append", x); l.append(5); print(len(l))
l2 = L([1]); l2.hook = len; print(l2.hook(l2))
print("to stdout", 2, file=sys.stdout, sep="-", end="!\n")
print("to stderr", file=sys.stderr)
sys.stdout.write("direct\n")
