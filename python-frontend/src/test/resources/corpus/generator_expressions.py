# Generator expressions are lazy generator objects: the first iterable is evaluated at once, in the
# enclosing scope; the rest runs as the generator is consumed, interleaving with the consumer.
import gc
import sys

log = []


def source(n):
    log.append("source")
    for i in range(n):
        log.append("produce %d" % i)
        yield i


g = (x for x in source(3))
print(type(g).__name__, type(g) is type(x for x in ()), gc.is_tracked(g))
print(sys.getsizeof(g), sys.getrefcount(g))
print(repr(g).split(" at ")[0])
print(log)
for v in g:
    log.append("consume %d" % (v * 10))
print(log)
print(list(g), next(g, "exhausted"))

data = [1, 2, 3, 4]
print(sys.getrefcount(data))
squares = (d * d for d in data if d % 2 == 0)
print(sys.getrefcount(data))
print(sum(squares), sys.getrefcount(data))
del squares
print(sys.getrefcount(data))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print(list((i, j) for i in range(3) for j in range(i)))


def scaled(values, factor):
    return (v * factor for v in values)


gen = scaled([1, 2, 3], 5)
print(next(gen), list(gen))


def late_binding():
    k = 1
    gen = (k + x for x in range(3))
    k = 100
    return list(gen)


print(late_binding())

try:
    (x for x in 5)
except TypeError as e:
    print("eager:", e)
lazy = (1 / x for x in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("lazy:", e)
print(next(lazy, "done"))


class Holder:
    items = [1, 2]
    total = sum(i for i in items)


print(Holder.total)
gen2 = (x for x in [1, 2])
print(next(gen2))
gen2.close()
print(next(gen2, "closed"))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]))
