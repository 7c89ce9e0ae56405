# slice objects: their size, repr, attributes and indices(); obj[a:b] hands a slice to a class's own __getitem__,
# __setitem__ and __delitem__ (any bounds, None included); built-in sequences take slice objects too.
import sys
s = slice(1, 5, 2); print(sys.getsizeof(s), s, repr(slice(None)), s.start, s.stop, s.step, s.indices(3), slice(-1, None).indices(10), slice(None, None, -1).indices(4))
class C:
    def __getitem__(self, k): return k
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
c = C(); print(c[1:2], c[::2], c[1:], c[1:2:3], c['a':'b'], c[None:])
c[1:2] = 5; del c[:3]
print([1,2,3,4][slice(1,3)], 'abcd'[slice(None, None, -1)], (1, 2, 3)[slice(2)])
l = [1, 2, 3, 4]; l[slice(0, 2)] = ['x']; del l[slice(-1, None)]; print(l)
try: slice()
except TypeError as e: print(e)
try: slice(1, 2, 3, 4)
except TypeError as e: print(e)
try: slice(1, 2, 0).indices(3)
except ValueError as e: print(e)
print(type(s).__name__, isinstance(s, slice), sys.getrefcount(s))
class L(list):
    def __getitem__(self, k):
        return ('L', k)
print(L([1, 2])[0:1], L([1, 2])[1])
import array
b = array.array("b", [1, 2, 3, 4])
print(b[1:3], b[::-1])
from collections import deque
try: deque([1])[0:1]
except TypeError as e: print(e)
