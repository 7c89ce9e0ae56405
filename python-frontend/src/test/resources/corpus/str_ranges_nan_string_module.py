# str/bytes startswith, endswith and count over a slice's indices; a NaN is not equal to itself under ==
# (containers still find it by identity); float.__repr__ is repr(); the string module.
print("abtrue".startswith("true", 2), "abtrue".startswith("ab", 1), "abcd".endswith("bc", 0, 3), "abc".startswith(("x", "b"), 1), "abc".startswith("", 3), "abc".startswith("", 4))
print(b"abc".startswith(b"b", 1), "abcabc".count("a", 1), "abc".endswith("c", -1))
for c in [lambda: "a".startswith(1), lambda: "a".endswith(("a", 2)), lambda: b"a".startswith("a")]:
    try: c()
    except TypeError as e: print(e)
print("aaaa".count("aa"), "abc".count(""), "abc".count("", 4), "abc".count("", 1, 2), "héllo".count("l", -3), "😀😀".count(""))
n = float("nan")
print(n != n, n == n, n is n, [n] == [n], float.__repr__(1e100), repr(1e100), float.__repr__(n))
x = n
print(x != n)
import string
print(string.ascii_letters, string.digits, string.punctuation, len(string.printable), string.hexdigits)
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="tim")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print(e)
