# compare-stderr
# Coroutines: async def makes a coroutine object that runs as a generator does; await takes a coroutine or an
# object's __await__ iterator and gives what it returns; a coroutine is not an iterator, cannot be reused,
# and warns when it dies never awaited.
import sys
async def fib(n):
    if n <= 1:
        return n
    return await fib(n - 1) + await fib(n - 2)
c = fib(10)
print(type(c).__name__, repr(c)[:22], sys.getsizeof(c) > 0)
try:
    while True:
        c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    next(fib(1))
except TypeError as e:
    print(e)
try:
    iter(fib(1))
except TypeError as e:
    print(e)
class Awaitable:
    def __await__(self):
        x = yield "from awaitable"
        return x * 2
async def uses():
    v = await Awaitable()
    return v + 1
u = uses()
print(u.send(None))
try:
    u.send(20)
except StopIteration as e:
    print("uses", e.value)
async def bad():
    await 5
b = bad()
try:
    b.send(None)
except TypeError as e:
    print(e)
async def nothing():
    return 1
n = nothing()
n.close()
print("closed")
async def chain(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total
async def leaf(i):
    return i * i
c = chain(5)
try:
    c.send(None)
except StopIteration as e:
    print("chain", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print(e)
class Bad:
    def __await__(self):
        return 5
async def use_bad():
    return await Bad()
try:
    use_bad().send(None)
except TypeError as e:
    print(e)
async def raiser():
    raise ValueError("inside")
try:
    raiser().send(None)
except ValueError as e:
    print("caught", e)
def gen():
    yield 1
async def await_gen():
    await gen()
try:
    await_gen().send(None)
except TypeError as e:
    print(e)
print(fib.__name__, type(fib).__name__)
