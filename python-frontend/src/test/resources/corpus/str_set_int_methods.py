# str.partition/rpartition/removeprefix/removesuffix/rindex/swapcase/casefold/isascii, set.clear and
# set.difference_update, int.bit_count/conjugate/as_integer_ratio: results, identity and sizes
import sys

s = "key=value=more"
sep = "="
for part in (s.partition(sep), s.rpartition(sep), s.partition("#"), s.rpartition("#")):
    print(part, [p is s for p in part], part[1] is sep)
print(s.partition("#")[1] is s.partition("#")[2], s.partition("#")[1] == "")
for bad in ("", 5):
    try:
        s.partition(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

word = "prefix-body-suffix"
print(word.removeprefix("prefix-"), word.removesuffix("-suffix"))
print(word.removeprefix("nope") is word, word.removesuffix("") is word, word.removeprefix("") is word)
try:
    word.removeprefix(1)
except TypeError as e:
    print(e)

print(s.rindex("="), s.rfind("="))
try:
    s.rindex("#")
except ValueError as e:
    print(e)
print("Hello World ß".swapcase(), "Straße".casefold(), "ABC".casefold())
print("abc".isascii(), "".isascii(), "é".isascii())

class Name(str):
    pass

n = Name("abc")
kept = n.removeprefix("x")
print(type(kept).__name__, kept == n, kept is n)

big = set(range(100))
print(sys.getsizeof(big))
big.clear()
print(sys.getsizeof(big), len(big))
big = set(range(100))
big.difference_update(range(50))
print(sys.getsizeof(big), len(big))
big.difference_update(big)
print(sys.getsizeof(big), len(big))
other = set(range(10))
other.difference_update({1, 2}, [3, 4], (5,))
print(sorted(other))

item = "an item " + str(1)
holder = {item, "x"}
r0 = sys.getrefcount(item)
holder.clear()
print(sys.getrefcount(item) - r0)

for v in (0, 7, -7, 255, 2 ** 70 - 1, True):
    print(v, v.bit_count(), v.conjugate(), v.as_integer_ratio())
big_int = 10 ** 30
print(big_int.conjugate() is big_int, big_int.as_integer_ratio()[0] is big_int)
print(type(True.conjugate()).__name__, True.as_integer_ratio())

class Count(int):
    pass

c = Count(5)
print(type(c.conjugate()).__name__, c.conjugate() is c, type(c.as_integer_ratio()[0]).__name__)
