# sys.getrefcount through assignments, containers, calls and del
import sys
x = object()
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
lst = [x, x, x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
def f(arg):
    return sys.getrefcount(arg)
print(f(x))
del lst
print(sys.getrefcount(x))
del d["k"]
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
t = (x,)
print(sys.getrefcount(x), sys.getrefcount(t))
class C:
    def m(self):
        return sys.getrefcount(self)
c = C()
print(c.m(), sys.getrefcount(c))
bm = c.m
print(sys.getrefcount(c))
