# bytearray's buffer (ob_alloc) as PyByteArray_Resize grows and shrinks it: sys.getsizeof is the object plus
# its buffer, through append, extend, +=, *=, insert, pop, slices deleted from the front (ob_start moves),
# extended slices and clear
import sys

def size(b):
    return sys.getsizeof(b) - sys.getsizeof(bytearray())

b = bytearray()
grown = [size(b)]
for i in range(40):
    b.append(i)
    grown.append(size(b))
print("append:", grown)
print("made:", size(bytearray(b"abc")), size(bytearray(10)), size(bytearray(b"")), size(bytearray([1, 2, 3])),
      size(bytearray((1, 2))), size(bytearray([True, 2])), size(bytearray(range(3))), size(bytearray(iter(b"xy"))),
      size(bytearray("héllo", "utf-8")), b.__alloc__())
b = bytearray(b"x" * 100)
del b[:10]
print("front deleted:", size(b), len(b))
b.append(1)
print("then appended:", size(b), len(b))
b = bytearray(b"x" * 100)
del b[50:]
print("half deleted:", size(b))
del b[10:]
print("most deleted:", size(b))
b = bytearray(b"x" * 100)
b.pop(0)
b.pop()
b.remove(ord("x"))
print("popped:", size(b), len(b))
b.clear()
print("cleared:", size(b), b)
b = bytearray([1, 2, 3])
b.extend([4, 5, 6])
print("extend list:", size(b))
b.extend(x for x in range(7, 40))
print("extend generator:", size(b), len(b))
b.extend(b"abc")
b += bytearray(b"def")
print("extend buffer, +=:", size(b), len(b))
b *= 3
print("*= 3:", size(b), len(b))
b[0:5] = b""
b[::2] = b""
print("slices deleted:", size(b), len(b))
b[1:1] = b"hello"
b.insert(0, 65)
print("inserted:", size(b), len(b))
c = b.copy()
print("copy, slice, +, *:", size(c), size(b[2:9]), size(b + b"x"), size(b * 2), size(b[::-1]))
import tracemalloc
tracemalloc.start()
big = bytearray(100000)
current, peak = tracemalloc.get_traced_memory()
print("traced buffer:", 100000 <= current < 101000)
del big
print("freed:", tracemalloc.get_traced_memory()[0] < 1000)
tracemalloc.stop()
