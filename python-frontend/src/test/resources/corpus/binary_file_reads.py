# A binary file read in small pieces through the read-ahead buffer: read(n) of every size, readline, tell and
# seek in between, then writing after reading; and bytes.find/index/count with start and end
import os
path = os.path.join(os.getcwd(), "_binary_file_reads.tmp")
data = bytes(range(256)) * 40 + b"line one\nline two\n" + bytes(range(7)) * 3000
with open(path, "wb") as f:
    f.write(data)
with open(path, "rb") as f:
    got = []
    step = 1
    while True:
        piece = f.read(step)
        if not piece:
            break
        got.append(piece)
        step = step % 13 + 1
    print(b"".join(got) == data, len(got), f.read(5), f.tell())
with open(path, "rb") as f:
    print(f.read(3), f.tell(), f.read(1), f.tell())
    f.seek(10240)
    print(f.readline(), f.tell(), f.readline(4), f.readline(), f.tell())
    f.seek(-5, 1)
    print(f.read(7), f.tell())
    f.seek(0, 2)
    print(f.tell(), f.read(1))
with open(path, "r+b") as f:
    f.read(2)
    f.write(b"XY")
    f.seek(0)
    print(f.read(6))
os.remove(path)
s = b"abcabcab"
print(s.find(b"c", 3), s.find(b"c", 3, 5), s.find(b"c", -3), s.rfind(b"ab", 0, 7), s.count(b"ab", 1),
      s.count(b"", 2, 5), s.find(b"", 9), s.find(b"", 8), s.index(b"b", -2), b"".find(b"", 0, 5),
      s.count(b"a", -100, 100), bytearray(s).find(99, 4), s.rindex(b"a", None, -1))
try:
    s.index(b"x", 2)
except ValueError as e:
    print(e)
