# `in` on bytes: a byte value or a sub-sequence; the errors for anything else
data = b"abc\x00\xff"
for probe in [b"b", b"bc", b"", b"ca", b"abc\x00\xff", b"abc\x00\xff!", 98, 0, 255, 7, True, False]:
    print(repr(probe), probe in data, probe not in data)
for bad in [1.5, "a", 300, -1, None, [98]]:
    try:
        print(bad in data)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Byte(int):
    pass
print(Byte(97) in data, Byte(1) in data)
class Chunk(bytes):
    pass
print(Chunk(b"bc") in data, b"bc" in Chunk(b"abcd"))
