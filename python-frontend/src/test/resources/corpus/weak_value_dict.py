# weakref.WeakValueDictionary: entries go when their values die (by refcount or by the collector)
import weakref, gc, sys
class Obj:
    def __init__(self, n):
        self.n = n
cache = weakref.WeakValueDictionary()
a = Obj(1)
b = Obj(2)
cache["a"] = a
cache["b"] = b
print(len(cache), sorted(cache.keys()), cache["a"].n, "a" in cache)
del a
print(len(cache), "a" in cache, cache.get("a"), sorted(cache.keys()))
c = Obj(3)
c.me = c
cache["c"] = c
del c
print(len(cache))
gc.collect()
print(len(cache), list(cache.keys()))
print(sys.getrefcount(b))
cache["b"] = Obj(4)
print(len(cache), sys.getrefcount(b))
try:
    cache["zz"]
except KeyError as e:
    print("KeyError", e)
