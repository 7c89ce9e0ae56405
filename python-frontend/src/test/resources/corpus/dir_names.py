# dir(): sorted names, from a class's __dir__, a module's dict, a class and its bases (not its metaclass), or an
# instance's __dict__ with its class's; the built-in types' namespaces are CPython's per version.
import sys
class A:
    cls_attr = 1
    def method(self): pass
class B(A):
    def __init__(self):
        self.inst = 2
        self.__priv = 3
b = B()
print(dir(b))
print(dir(B))
print(dir(1)[:8], len(dir(1)), len(dir("")), len(dir([])), len(dir({})), len(dir(None)))
print("getrefcount" in dir(sys), dir(sys) == sorted(dir(sys)))
def f():
    x = 1
    y = 2
    return dir()
print(f())
class C:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(C()))
print(dir(ValueError("x"))[-6:], len(dir(ValueError)))
print(len(dir(f)), len(dir(print)), len(dir(b.method)), len(dir(object())), len(dir(object)))
print(len(dir(int)), len(dir(type)) > 0, dir(True) == dir(1))
class S:
    __slots__ = ("p",)
print(dir(S())[-3:])
class I(int):
    pass
print(len(dir(I(1))), len(dir(I)))
def gen():
    yield 1
print(len(dir(gen())), len(dir(range(1))), len(dir(iter([]))), len(dir(slice(1))), len(dir(property())))
print(dir(type("T", (), {"a": 1}))[-2:], [n for n in dir(B()) if not n.startswith("__")])
class Meta(type):
    def meta_method(cls): pass
class WithMeta(metaclass=Meta):
    x = 1
print("meta_method" in dir(WithMeta), "x" in dir(WithMeta))
import types
print("SimpleNamespace" in dir(types), len(dir(types.SimpleNamespace(a=1))) > 20)
