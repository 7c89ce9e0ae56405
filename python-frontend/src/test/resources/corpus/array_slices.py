# array slices: assignment takes an array of the same type code, an extended slice one of its size.
from array import array
a = array('d', [1, 2, 3, 4])
b = array('d')
b[:] = a[:]
print(b)
b[1:3] = array('d', [9])
print(b)
b[::2] = array('d', [7, 8])
print(b)
for bad in ([1], array('i', [1]), array('d', [1, 2, 3])):
    try:
        b[::2] = bad
    except Exception as e:
        print(type(e).__name__, e)
try:
    b[0:1] = [5]
except TypeError as e:
    print(e)
del b[::2]
print(b)
