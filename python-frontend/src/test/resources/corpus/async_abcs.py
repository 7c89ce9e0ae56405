# The ABCs of coroutines, async generators and dict views, and types' names for them.
import collections.abc as abc, types
async def co(): pass
async def ag(): yield
c = co()
g = ag()
d = {1: 2}
print(isinstance(c, abc.Coroutine), isinstance(c, abc.Awaitable), isinstance(g, abc.AsyncGenerator),
      isinstance(g, abc.AsyncIterator), isinstance(g, abc.AsyncIterable), isinstance(g, abc.Iterator))
print(isinstance(d.keys(), abc.KeysView), isinstance(d.keys(), abc.Set), isinstance(d.values(), abc.ValuesView),
      isinstance(d.items(), abc.ItemsView), isinstance(d.keys(), abc.Iterator), isinstance(iter(d), abc.Iterator))
print(types.AsyncGeneratorType, types.CoroutineType, type(g) is types.AsyncGeneratorType)
class A:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
print(isinstance(A(), abc.AsyncIterator), issubclass(A, abc.AsyncIterable))
c.close()
