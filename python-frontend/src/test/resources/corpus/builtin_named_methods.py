# str.translate/maketrans/expandtabs/format_map/isprintable/istitle, bytes' missing methods, int.from_bytes,
# float.as_integer_ratio/fromhex/hex/conjugate, dict.fromkeys, set's *_update: results, identity, errors
import sys


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
        return r
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# ---- str ----
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print(sorted(str.maketrans({"a": "1", 98: None, "c": 67}).items()))
print("abcdd-cab".translate(table), "hello".translate({ord("l"): "LL", ord("o"): None}))
s = "unchanged text"
print(s.translate({}) == s, s.translate(str.maketrans("", "")) == s)
attempt("maketrans 2 unequal", lambda: str.maketrans("ab", "c"))
attempt("maketrans dict bad key", lambda: str.maketrans({"ab": 1}))
attempt("maketrans 1 non-dict", lambda: str.maketrans("ab"))
attempt("translate bad value", lambda: "a".translate({97: 1.5}))
attempt("translate int value", lambda: "a".translate({97: 98}))
print(repr("a\tbc\tdef\n\tx".expandtabs()), "a\tb".expandtabs(4), "a\tb".expandtabs(0), repr("x\ty\r\tz".expandtabs(3)))
e = "no tabs here"
print(e.expandtabs() is e, e.expandtabs(4) is e)
print("{a}-{b}".format_map({"a": 1, "b": "two"}))
attempt("format_map missing", lambda: "{x}".format_map({}))
print("abc".isprintable(), "a\nb".isprintable(), "".isprintable(), "\x7f".isprintable(), "é ".isprintable())
print("Hello World".istitle(), "hello World".istitle(), "".istitle(), "A1 B2".istitle(), "HELLO".istitle(), "'Tis".istitle())
print("hello wORLD's x1y".title(), "ǆemal".title(), "hELLO wORLD".capitalize(), "ǆemal".capitalize())

# ---- bytes ----
b = b"  alpha beta\tgamma  "
print(b.split(), b.rsplit(), b.split(None, 1), b.rsplit(None, 1), b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 2))
w = b"whole"
print(w.split()[0] is w, w.split(b",")[0] is w, w.rsplit(b",")[0] is w)
attempt("split empty sep", lambda: b"ab".split(b""))
attempt("split str sep", lambda: b"ab".split(","))
print(b"ab".center(7), b"ab".center(7, b"*"), b"ab".ljust(5, b"-"), b"ab".rjust(5), b"-12".zfill(6), b"+5".zfill(4), b"".zfill(3))
print(w.center(3) is w, w.ljust(5) is w, w.rjust(2) is w, w.zfill(1) is w)
attempt("center fill 2", lambda: b"a".center(5, b"ab"))
attempt("center fill str", lambda: b"a".center(5, "x"))
print(b"one\ntwo\r\nthree\rfour".splitlines(), b"x\ny\n".splitlines(True), b"".splitlines(), w.splitlines()[0] is w)
print(b"a\tb\tc".expandtabs(), b"a\tbc".expandtabs(3))
print(b"hello world".title(), b"hELLO wORLD".capitalize(), b"Hello World".swapcase(), b"Title Case".istitle(), b"lower".istitle())
h = bytes.fromhex("de ad be ef 00")
print(h, bytes.fromhex(""), b"\x01\xff".hex())
attempt("fromhex bad", lambda: bytes.fromhex("zz"))
attempt("fromhex odd", lambda: bytes.fromhex("abc"))
bt = bytes.maketrans(b"abc", b"xyz")
print(len(bt), bt[97:100], b"aabbcc".translate(bt), b"abcabc".translate(None, b"b"), b"abc".translate(bt, b"a"))
print(w.translate(None) is w, w.translate(None, b"") is w)
attempt("maketrans unequal", lambda: bytes.maketrans(b"ab", b"c"))
attempt("translate short table", lambda: b"a".translate(b"xyz"))
one = b"q"
empty = b""
print(one.center(1) is one, empty.center(0) is empty)

# ---- int ----
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x01\x02"), int.from_bytes([1, 2, 3], byteorder="little"), int.from_bytes(b""))
attempt("from_bytes bad order", lambda: int.from_bytes(b"\x01", "middle"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), (5).to_bytes())
attempt("to_bytes overflow", lambda: (256).to_bytes(1, "big"))
attempt("to_bytes negative unsigned", lambda: (-1).to_bytes(1, "big"))
print((2 ** 70).bit_length(), (0).bit_length(), (-255).bit_length())

# ---- float ----
for f in (0.5, 1.5, -2.25, 10.0, 0.1, 0.0):
    print(f, f.as_integer_ratio(), f.hex(), float.fromhex(f.hex()) == f, f.conjugate(), f.is_integer())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x10"), float.fromhex("inf"), float.fromhex(" 0x1p-2 "))
attempt("as_integer_ratio inf", lambda: float("inf").as_integer_ratio())
attempt("as_integer_ratio nan", lambda: float("nan").as_integer_ratio())
attempt("fromhex bad", lambda: float.fromhex("0xg"))
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), (-0.0).hex(), (5e-324).hex())

# ---- dict, set ----
d = dict.fromkeys("abc")
print(d, dict.fromkeys([1, 2], 0), {}.fromkeys((3,), "x"))
shared = []
print(dict.fromkeys("xy", shared)["x"] is shared)
st = {1, 2, 3, 4}
st.intersection_update([2, 3, 5], {3, 2, 9})
print(sorted(st))
st.symmetric_difference_update([3, 7])
print(sorted(st))
print({1}.isdisjoint([2]), {1, 2}.issubset(range(5)), {1, 2}.issuperset([1]))
print(st.intersection_update() is None, sorted(st))

# reference counts through the new methods stay CPython's
item = "item " + str(7)
r0 = sys.getrefcount(item)
keys = dict.fromkeys([item])
print(sys.getrefcount(item) - r0)
del keys
print(sys.getrefcount(item) - r0)

# str.split and rsplit with a limit keep the rest as it is
print("  a b  c  ".split(None, 1), "  a b  c  ".rsplit(None, 1), "a,b,c".rsplit(",", 1), "a,b,c".split(",", 1))
print("a,b,,c".rsplit(","), "x".rsplit("x"), "  ".split(), "a\x1cb\u3000c".split(), "abc".split(sep="b", maxsplit=0))
attempt("split empty", lambda: "a".split(""))
attempt("rsplit int", lambda: "a".rsplit(1))

# which results are the object itself, a cached one or a fresh one
c1 = "q"
w = "word"
print(w.translate({}) is w, c1.expandtabs() is c1, c1.title() is c1, c1.capitalize() is c1)
print("".title() == "", "no braces".format_map({}) == "no braces")
nb = "no braces"
print(nb.format_map({}) is nb)
b1 = b"q"
print(b1.title() is b1, b1.capitalize() is b1, b1.swapcase() is b1, b1.expandtabs() is b1, b1.translate(None) is b1)
print(bytes.fromhex("71") is b1, bytes.maketrans(b"", b"") is bytes.maketrans(b"", b""))
f = 2.5
print(f.conjugate() is f)


class F(float):
    pass


class D(dict):
    def __setitem__(self, k, v):
        print("D setitem", k, v)
        super().__setitem__(k, v)


class I(int):
    pass


class B(bytes):
    pass


print(type(F(2.5).conjugate()).__name__, type(D.fromkeys("ab")).__name__, type(I.from_bytes(b"\x01")).__name__)
print(type(B.fromhex("0041")).__name__, B.fromhex("0041"), type(str.maketrans("a", "b")).__name__)
print(hasattr(str, "nope"), hasattr(str, "upper"), hasattr(int, "from_bytes"), hasattr(dict, "fromkeys"))
attempt("str.upper(5)", lambda: str.upper(5))
attempt("str.upper()", lambda: str.upper())
print(str.upper("abc"), list.append.__name__ if hasattr(list.append, "__name__") else "?")

# union/intersection/difference take any number of iterables; a frozenset's result is a new frozenset
s = {1, 2, 3}
print(sorted(s.union()), s.union() is s, sorted(s.union([4], (5,))), sorted(s.intersection([1, 2], {2, 3})), sorted(s.difference([1], [2])), s.difference() == s)
f = frozenset({1, 2})
print(type(f.union()).__name__, f.union() is f, sorted(f.union([3])), sorted(f.intersection()), type(f.difference([1])).__name__)
class S(set): pass
print(type(S({1}).union([2])).__name__, type(S({1}).symmetric_difference([2])).__name__, {1, 2}.issubset([1, 2, 3]), {1}.isdisjoint((2,)))

# case operations and replace() write a str of their own (fresh even for one character); strip and split slice
a = "a"; A = "A"; e = "é"
print(a.upper() is A, A.lower() is a, a.swapcase() is A, A.casefold() is a, "ab".upper() == "AB", e.upper() is "É", "".upper() is "", "ABC".upper() is "ABC", a.lower() is a, "x1".upper())
print(" a ".strip() is a, "a,b".split(",")[0] is a, "ab"[0] is a, a.center(1) is a, a.zfill(1) is a, a.ljust(2)[:1] is a, "a".join([A]) is A, A.replace("A", "a") is a, "-".join([]) is "")
