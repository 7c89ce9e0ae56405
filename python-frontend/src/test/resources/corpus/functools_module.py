# functools: wraps/update_wrapper (and the function fields they set), partial, reduce, lru_cache and cache with
# their statistics, cached_property, total_ordering and cmp_to_key, as CPython's behave.
import functools, sys
def f(): "doc"
def g(): pass
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
g.__doc__ = "new doc"
g.__wrapped__ = f
g.__dict__.update({"extra": 1})
print(g.__name__, g.__qualname__, g.__doc__, g.__wrapped__ is f, g.extra)
print(repr(g)[:22])
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def hello(name: str) -> str:
    "Say hello."
    return "hello " + name
print(hello("x"), hello.__name__, hello.__doc__, hello.__annotations__, hello.__wrapped__.__name__)
p = functools.partial(int, base=2)
print(p("101"), p.func is int, p.args, p.keywords, repr(p))
p2 = functools.partial(p, "11")
print(p2(), p2.args)
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 10))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
@functools.lru_cache(maxsize=2)
def sq(n):
    print("computing", n)
    return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
@functools.lru_cache
def ident(x):
    return x
print(ident(1), ident.cache_info().misses)
class Data:
    def __init__(self):
        self.calls = 0
    @functools.cached_property
    def value(self):
        self.calls += 1
        return 42
d = Data()
print(d.value, d.value, d.calls, "value" in d.__dict__)
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) < V(2), V(2) > V(1), V(1) <= V(1), V(3) >= V(2), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    g.__name__ = 5
except TypeError as e:
    print(e)
