# async for, async with and async generators, driven by a minimal event loop (coroutine.send): an await inside
# an async generator suspends to the loop, its own yields reach the async for, and its end is StopAsyncIteration.
import sys, types

class Sleep:
    """An awaitable that suspends once, handing 'tick' to the driver."""
    def __await__(self):
        got = yield 'tick'
        return got

def run(coro):
    """A minimal event loop: sends None until the coroutine returns, printing what it suspends with."""
    value = None
    while True:
        try:
            out = coro.send(value)
        except StopIteration as e:
            return e.value
        print('  loop got', out)
        value = 'resumed'

async def agen(n):
    for i in range(n):
        r = await Sleep()
        yield i, r
    print('  agen done')

async def main():
    async for x in agen(2):
        print('item', x)
    else:
        print('for-else')
    total = 0
    async for x in agen(3):
        total += x[0]
        if total >= 1:
            break
    print('total', total)
    return 'main result'

print(run(main()))
g = agen(1)
print(type(g).__name__, g.__aiter__() is g, repr(g)[:40])
a = g.__anext__()
print(type(a).__name__, sys.getsizeof(g) > 0)
try:
    print(a.send(None))
    print(a.send('x'))
except StopIteration as e:
    print('StopIteration', e.value)
try:
    g.__anext__().send(None)
except StopAsyncIteration as e:
    print('StopAsyncIteration', repr(e))
except StopIteration as e:
    print('stop', e.value)

class Ctx:
    async def __aenter__(self):
        print('enter')
        await Sleep()
        return 'ctx value'
    async def __aexit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None, ev)
        return et is KeyError

async def with_main():
    async with Ctx() as v:
        print('body', v)
    async with Ctx():
        raise KeyError('swallowed')
    try:
        async with Ctx():
            raise ValueError('kept')
    except ValueError as e:
        print('caught', e)
    return 'with done'

print(run(with_main()))

async def counting():
    try:
        yield 1
        yield 2
    finally:
        print('counting finally')

async def early():
    g = counting()
    async for x in g:
        print('x', x)
        break
    await g.aclose()
    print('closed')
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('exhausted after aclose')

run(early())

async def raiser():
    yield 1
    raise StopIteration

async def use_raiser():
    try:
        async for x in raiser():
            print('r', x)
    except RuntimeError as e:
        print('RuntimeError', e)

run(use_raiser())

async def not_iter():
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(e)
    try:
        async with 5:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

run(not_iter())

class AIter:
    def __init__(self):
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i * 10

async def custom():
    print('skip')
    async for v in AIter():
        print('v', v)

run(custom())
print(type(agen).__name__, types.AsyncGeneratorType if hasattr(types, 'AsyncGeneratorType') else None)
