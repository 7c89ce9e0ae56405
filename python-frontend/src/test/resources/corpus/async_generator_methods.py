# An async generator's athrow() and aclose(), reuse of an awaited asend, one dropped while suspended (its
# finally runs as it dies), nesting, and the collector after aclose().
import sys, gc

def run(coro):
    value = None
    while True:
        try:
            out = coro.send(value)
        except StopIteration as e:
            return e.value
        print('  loop got', out)

async def ticker():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught in agen', e)
        yield 'after throw'
    finally:
        print('ticker finally')

async def athrow_demo():
    g = ticker()
    print(await g.__anext__())
    print(await g.athrow(ValueError('boom')))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('done after throw')
    a = g.aclose()
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print(e)

run(athrow_demo())

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

async def stubborn_demo():
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)

run(stubborn_demo())

async def dropped():
    try:
        yield 1
        yield 2
    finally:
        print('dropped finally runs at collection')

async def drop_demo():
    g = dropped()
    print(await g.__anext__())
    print(sys.getrefcount(g))
    del g
    print('after del')

run(drop_demo())

async def inner():
    yield 'a'
    yield 'b'

async def outer():
    async for x in inner():
        yield x.upper()
    yield 'end'

async def nest():
    out = []
    async for x in outer():
        out.append(x)
    return out

print(run(nest()))

async def reuse():
    g = inner()
    a = g.__anext__()
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print(e)
    b = g.asend(None)
    print(b.send(None) if False else 'skip')
    try:
        b.send(None)
    except StopIteration as e:
        print('asend value', e.value)

run(reuse())

class Cycle:
    pass

async def cyc():
    c = Cycle()
    c.self = c
    yield c

async def gc_demo():
    g = cyc()
    c = await g.__anext__()
    del c
    await g.aclose()
    print(gc.collect())

run(gc_demo())
