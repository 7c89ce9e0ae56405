# an instance's __dict__: insertion order, identity, a live view of the attributes, refcounts, vars()
import sys
class B:
    def __init__(self):
        self.x = 1
        self.y = 2
class A:
    def __init__(self):
        self.y = 1
        self.x = 2
        self.z = 3
b = B()
a = A()
print(a.__dict__, b.__dict__, vars(a) == a.__dict__)
d = a.__dict__
print(d is a.__dict__, sys.getrefcount(d))
d["w"] = 5
a.v = 6
del d["y"]
print(a.w, hasattr(a, "y"), list(d), sys.getsizeof(a))
class S:
    __slots__ = ("p",)
s = S()
print(hasattr(s, "__dict__"))
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError", e)
