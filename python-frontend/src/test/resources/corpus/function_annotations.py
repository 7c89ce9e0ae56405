# Function annotations: evaluated when the def runs (after the defaults), in CPython's order, kept as a tuple
# of names and values and made a dict the first time __annotations__ is read; what they hold is referenced.
import sys
class Node: pass
def f(x: int, y: "Node" = None, *args: str, z: float = 1.0, **kw: bool) -> list[int]:
    return x
print(f.__annotations__)
def g(a, b): pass
print(g.__annotations__)
def h(a: Node) -> Node: pass
print(h.__annotations__)
print(sys.getrefcount(Node))
try:
    def bad(a: Undefined): pass
except NameError as e:
    print(e)
lam = lambda q: q
print(lam.__annotations__)
def f(a: 1, /, b: 2, *c: 3, d: 4, **e: 5) -> 6: pass
print(f.__annotations__)
order = []
def t(x):
    order.append(x)
    return x
def g(p: t("p") = t("dp"), *, q: t("q") = t("dq")) -> t("r"): pass
print(order)
print(sys.getrefcount(g.__annotations__), g.__annotations__ is g.__annotations__)
from_sentinel = object()
def h(a: from_sentinel): pass
print(sys.getrefcount(from_sentinel))
h.__annotations__
print(sys.getrefcount(from_sentinel))
import gc
class Holder:
    def method(self) -> "Holder":
        return self
def make_cycle():
    class Local:
        def m(self, other: "Local") -> None: pass
    def uses(x: Local) -> Local: return x
    Local.uses = uses   # the class holds the function, whose annotations hold the class
    return None
gc.collect()
make_cycle()
print(gc.collect() > 0)
