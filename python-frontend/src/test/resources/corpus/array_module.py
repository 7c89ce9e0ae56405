# array: type codes with their range checks and messages, reprs, extend/+=/*, tobytes, typecodes per version.
import array
a = array.array('B', [0]*3); print(a, a.itemsize, a.typecode)
try: a[0] = 256
except OverflowError as e: print(e)
try: a.append(-1)
except OverflowError as e: print(e)
d = array.array('d', [1, 2.5]); print(d, d[1], list(d), d.tolist(), len(d), array.array('i'))
try: array.array('q', [1.5])
except TypeError as e: print(e)
b = array.array('b', [1, 2]); b.extend([3]); b += array.array('b', [4]); print(b, b.tobytes(), b * 2)
try: array.array('z')
except ValueError as e: print(e)
print(array.array('h', [-1, 2]).tobytes(), 3 in b, b.index(3), b.pop(), b, array.typecodes)
