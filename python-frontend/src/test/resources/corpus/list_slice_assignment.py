# Assigning to and deleting list slices, simple and extended, as list_ass_slice and list_ass_subscript do it:
# one resize per change (so the same sys.getsizeof), the replaced items released afterwards, and the errors.
import sys
a = [1, 2, 3]
for key in (slice(0, 1), slice(None, None, 2), slice(None, None, -1)):
    try:
        a[key] = 5
    except TypeError as e:
        print(e)
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
a = list(range(100)); print(sys.getsizeof(a))
del a[10:90]; print(sys.getsizeof(a), a[:12])
a = list(range(100)); del a[::3]; print(sys.getsizeof(a), len(a))
a = list(range(100)); del a[::-7]; print(sys.getsizeof(a), len(a), a[:10])
a = list(range(10)); a[2:3] = range(30); print(sys.getsizeof(a), len(a))
a = list(range(10)); a[:] = []; print(sys.getsizeof(a), len(a))
a = list(range(10)); a[1:9] = [0]; print(sys.getsizeof(a), a)
a = list(range(10)); a[::-1] = a; print(a)
a = list(range(10)); a[:] = a; print(a, sys.getsizeof(a))
a = list(range(10)); a[5:2] = ['x']; print(a)
a = list(range(10)); a[5:2:-1] = 'xyz'; print(a)
a = list(range(10)); del a[5:2:-1]; print(a)
a = list(range(10)); a[8:2:-3] = 'pq'; print(a)
for obj in ((1, 2), 'ab', b'ab', {1: 2}, range(3)):
    try:
        del obj[0:1]
    except TypeError as e:
        print(e)
    try:
        obj[0:1] = [3]
    except TypeError as e:
        print(e)
class L(list):
    pass
l = L(range(5)); l[::2] = 'abc'; del l[1:3]; print(l)
a = []; a[5:] = [1, 2]; print(a); a[-10:-20] = [0]; print(a)
a = list(range(20)); del a[::-1]; print(a, sys.getsizeof(a))
a = list(range(20)); del a[100:]; del a[-3:]; print(a, sys.getsizeof(a))
a = list(range(20)); a[1::2] = a[::2]; print(a)
