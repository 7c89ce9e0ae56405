# sys.getrefcount through comprehensions, keyword arguments, tuples, dicts, lambdas, class attributes, cells, loops, iterators and constants
import sys
xs = [1, 2]
print([sys.getrefcount(xs) for _ in range(1)])
print([sys.getrefcount(xs) for _ in xs])
def f(a, b):
    return sys.getrefcount(a), sys.getrefcount(b)
o = object()
print(f(o, o), f(o, b=o))
print(sys.getrefcount(o))
t = (o, [o])
print(sys.getrefcount(o))
d = {o: o}
print(sys.getrefcount(o))
g = lambda: o
print(sys.getrefcount(o), sys.getrefcount(g))
class K:
    attr = o
print(sys.getrefcount(o))
k = K()
k.x = o
print(sys.getrefcount(o), sys.getrefcount(k), sys.getrefcount(K) > 2)
def outer():
    v = object()
    def inner():
        return v
    return sys.getrefcount(v), inner
print(outer()[0])
for item in [o]:
    print(sys.getrefcount(o))
it = iter([o])
print(sys.getrefcount(o))
print(sys.getrefcount("some constant string"))
