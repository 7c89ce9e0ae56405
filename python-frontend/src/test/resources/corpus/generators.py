# generators: suspended frames keep their references; a dead generator runs its finally
import sys
def gen(n):
    try:
        for i in range(n):
            x = yield i
            if x:
                print("got", x)
    finally:
        print("gen finally")
g = gen(3)
print(next(g), next(g))
print(g.send("hi"))
print(list(gen(4)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
del f
g2 = gen(5)
next(g2)
del g2
print("after del")
def yf():
    yield from [1, 2]
    yield from gen(2)
print(list(yf()), sum(x * x for x in range(10)))
obj = object()
def holder(o):
    yield o
h = holder(obj)
print(sys.getrefcount(obj))
next(h)
print(sys.getrefcount(obj))
del h
print(sys.getrefcount(obj))
