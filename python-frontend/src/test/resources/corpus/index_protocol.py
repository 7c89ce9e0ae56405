# The index protocol: objects with __index__ as items, slice bounds, byte values and counts; ints beyond the index range (an IndexError for items, clamped for slice bounds); each sequence's wording for what is not an index
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
class Bad:
    def __index__(self):
        return "x"
b = bytearray(b"abc")
b.append(I(100))
print(b, bytearray([I(65), 66]), bytes([I(67)]), b"abcdef"[I(1):I(4)], "xyz"[:I(2)], bytearray(5)[I(-1)], b.pop(I(0)))
print("abcdef".center(I(10), "*"), b"ab".zfill(I(4)), [1, 2, 3][I(1):], (1, 2, 3)[::I(2)])
for bad in ["bytearray([Bad()])", "b'x'[Bad():]", "bytearray([I(300)])", "bytearray([1.0])"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
for c in ["bytearray(b'a')[2**100]", "[1][2**100]", "memoryview(b'a')[2**70]", "'ab'[2**70]", "(1,)[-2**70]", "[1, 2][I(1)]",
          "[1, 2, 3][:2**100]", "'abc'[-2**80:]", "[1][1.5]", "[1][1.0:]", "(1,)['a']", "'ab'[None]", "b'ab'[I(1)]", "'abc'[I(-1)]"]:
    try:
        print(eval(c))
    except Exception as e:
        print(type(e).__name__, e)
x = [1, 2, 3]; x[I(0)] = 9; del x[I(1)]; print(x)
for c in ['x[None] = 1', 'del x[None]', 'x[2**70] = 1', 'del x[2**70]', 'range(5)[None]', 'range(5)[I(2)]']:
    try:
        exec(c)
    except Exception as e:
        print(type(e).__name__, e)
