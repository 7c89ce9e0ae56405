# bytearray's items, slices, operators and methods, its repr and CPython's errors
b = bytearray(range(20))
print(b, len(b), b[3], b[-1], b[2:5], b[::3], b[::-7])
b = bytearray(b"0123456789")
b[2:5] = [65, 66]
b[5:2] = b"--"
b[0] = 0x61
b[-1] = 122
print(b)
x = bytearray(b"abcdef")
x[::2] = b"XYZ"
print(x)
del x[0]
del x[::-2]
print(x)
c = bytearray(b"it's")
print(repr(c), str(c), bytearray(b'a"b'), bytearray(b"\x00\xff\n\t\\"), f"{c}")
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"a") < b"b", bytearray(b"x") != "x",
      bytearray(b"ab") >= bytearray(b"ab"), bytearray(b"b") > b"ab")
print(b"ab" + bytearray(b"cd"), bytearray(b"ab") + b"cd", bytearray(b"ab") * 2, 3 * bytearray(b"z"))
print(bytearray("héllo", "utf-8"), bytearray(b"h\xc3\xa9").decode(), bytes(bytearray(b"xyz")), str(bytearray(b"ab"), "ascii"))
print(bytearray(b"  Hello World  ").strip().upper().split(), bytearray(b"a,b").partition(b","), bytearray(b"a,b").rpartition(b";"))
print(bytearray(b"abc").replace(b"b", b"XX"), bytearray(b"abcabc").find(b"c"), bytearray(b"abcabc").rindex(99),
      bytearray(b"abcabc").count(b"ab"), 98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"), bytearray(b"c") in b"abc")
print(bytearray.fromhex("01 ff"), bytearray(b"\x01\xff").hex(), b"-".join([bytearray(b"a"), b"b"]),
      bytearray(b",").join([b"x", bytearray(b"y")]), bytearray(b"ab").center(6, b"*"), bytearray(b"Ab").swapcase())
print(bytearray(b"abc").startswith(bytearray(b"ab")), b"abc".endswith(bytearray(b"bc")), bytearray(b"a1").isalnum(),
      bytearray(b"x").zfill(3), bytearray(b"a b").title(), bytearray(b"abc").removeprefix(b"a"), ord(bytearray(b"A")))
print(list(bytearray(b"abc")), [v for v in bytearray(3)], type(bytearray()), isinstance(bytearray(), bytearray),
      bool(bytearray()), bool(bytearray(1)), sorted(bytearray(b"cab")), max(bytearray(b"az")))
b = bytearray(b"ab")
it = iter(b)
b.append(99)
print(list(it), type(it).__name__)
b.reverse()
print(b, b.pop(), b.pop(0), b)
for bad in ["bytearray(b'a')[5]", "bytearray(b'a')['x']", "hash(bytearray())", "{bytearray(): 1}", "bytearray(-1)",
            "bytearray('x')", "bytearray(b'x', 'utf-8')", "bytearray(errors='strict')", "bytearray([256])",
            "bytearray([1.5])", "bytearray(1.5)", "bytearray().pop()", "bytearray(b'a').pop(3)",
            "bytearray(b'a').remove(9)", "bytearray(b'a') + 1", "bytearray(b'a').append(-1)", "bytes([300])",
            "bytearray(b'a').extend(5)", "bytearray(b'a').join([1])", "bytearray(b'a') < 'a'"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
for stmt in ["b = bytearray(b'ab'); b[0] = 300", "b = bytearray(b'abcd'); b[::2] = b'xyz'",
             "b = bytearray(b'ab'); b[0:1] = 5", "b = bytearray(b'ab'); b[0:1] = 'x'", "b = bytearray(b'ab'); del b[2]"]:
    try:
        exec(stmt)
    except Exception as e:
        print(type(e).__name__, e)
