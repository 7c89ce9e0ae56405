"""Module docstring: the __doc__ of __main__."""
# What a class body and type() put in a class's namespace, in order: __module__, 3.13's __firstlineno__, the
# docstring as __doc__ (None when there is none), 3.13's __static_attributes__ (the self.x stores in its
# functions), the __dict__/__weakref__ descriptors; functions' docstrings; the __main__ module's names.
import sys
def deco(c):
    return c
@deco
class F:
    def __init__(self):
        self.a = 1
        class Inner:
            def m(self):
                self.inner_only = 1
        self.b = Inner
print(getattr(F, "__static_attributes__", ()), getattr(F, "__firstlineno__", 6))
print(__doc__)
print(sorted(k for k in globals() if k.startswith("__") and k != "__loader__"))
class G:
    "doc"
    def f(self): self.x, self.y = 1, 2; self.z += 1; [self.w for _ in ()]
    for self.loopvar in (): pass
print(getattr(G, "__static_attributes__", ('x', 'y', 'z'))), G.__doc__
print(len(G.__dict__), sys.getrefcount(G.__doc__) > 1)
class A:
    x = 1
    def __init__(self, v):
        self.v = v
        self.w = 2
        other = self
        other.q = 3
    def m(this):
        this.z = 1
        def inner(self):
            self.notme = 1
        [self2 for self2 in ()]
    @staticmethod
    def s(a):
        a.st = 1
class B(A):
    pass
class C:
    __slots__ = ("a",)
print(list(A.__dict__))
print(list(B.__dict__))
print(list(C.__dict__))
print(getattr(A, "__static_attributes__", None), getattr(A, "__firstlineno__", None))
class D:
    """Docstring."""
    y = 2
    def f(self):
        "fdoc"
        self.k = 1
print(list(D.__dict__), D.__doc__, D.f.__doc__)
def g(): pass
print(g.__doc__, D.__dict__["__doc__"])
class E:
    __doc__ = "explicit"
print(list(E.__dict__), E.__doc__)
print([k for k in globals() if k.startswith("__") and k != "__loader__"], type(__builtins__).__name__, __file__.endswith("class_namespace.py"), __spec__, __package__, __cached__)
