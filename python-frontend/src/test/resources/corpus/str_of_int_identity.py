# which conversions make a new str and which return a cached or the same one: str/repr/format/f-strings of
# one-digit ints make new strs (long_to_decimal_string), %-formatting and str.format return the cached
# character, f"{s}" and str(s) of a str return s itself; str(True) is interned from 3.12
import sys
x = "hello"
i = 7
print(f"{x}" is x, f"{i}" is f"{i}", f"{i!s}" is "7", f"{i!r}" is "7", f"{i:d}" is "7")
print(format(i) is "7", format(i, "") is "7", str(i) is "7", repr(i) is "7", f"{x!s}" is x, str(x) is x)
print("{}".format(i) is "7", "%d" % i is "7", "%s" % i is "7", str(True) is "True", str(True) is sys.intern("True"))
print(sys.getsizeof(str(7)), sys.getsizeof(f"{i}"), sys.getsizeof(repr(i)), sys.getrefcount(str(i)))
a = str(i)
b = str(i)
print(a == b, a is b, id(a) == id(b))
