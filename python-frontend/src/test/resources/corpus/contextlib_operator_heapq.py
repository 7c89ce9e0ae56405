# contextlib (contextmanager over a generator, suppress, nullcontext, closing, ExitStack), operator (the
# operators as functions, itemgetter, attrgetter, methodcaller) and heapq (CPython's heap order).
import contextlib, operator, heapq
@contextlib.contextmanager
def managed(name):
    print("enter", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", repr(e))
    finally:
        print("exit", name)
with managed("a") as v:
    print("body", v)
with managed("b"):
    raise KeyError("k")
try:
    with managed("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
with contextlib.nullcontext(5) as n:
    print(n)
class Res:
    def close(self):
        print("closed")
with contextlib.closing(Res()):
    pass
with contextlib.ExitStack() as stack:
    stack.callback(print, "cb1")
    stack.callback(print, "cb2")
    stack.enter_context(managed("d"))
print(operator.add(1, 2), operator.mul(3, 4), operator.neg(5), operator.not_(0), operator.abs(-3))
getter = operator.itemgetter(1, 0)
print(getter([10, 20]), repr(getter), operator.itemgetter("k")({"k": 7}))
class P:
    def __init__(self): self.x = 1; self.y = self
print(operator.attrgetter("x")(P()), operator.attrgetter("y.x", "x")(P()), repr(operator.attrgetter("y.x")))
print(operator.methodcaller("upper")("abc"), repr(operator.methodcaller("split", ",", maxsplit=1)))
print(sorted([(2, "b"), (1, "a")], key=operator.itemgetter(0)))
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 3, 8, 2]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 6), data, heapq.heappushpop(data, 0), data)
print(heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, [5, 1, 8, 3]), list(heapq.merge([1, 4], [2, 3])))
