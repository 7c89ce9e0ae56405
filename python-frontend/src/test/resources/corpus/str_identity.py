# Which str methods hand back the str itself (unicode_result_unchanged, a single join item, an unsplit
# string) and which make a new one, as `is` and sys.getrefcount show
import sys

x = "hello world"
print(x.strip() is x, x.lstrip() is x, x.rstrip() is x, x.strip("#") is x, x.lstrip("#") is x)
print(x.replace("#", "!") is x, x.replace("o", "o") is x, x.replace("o", "0", 0) is x, x.replace("o", "0") is x)
print(x.center(3) is x, x.ljust(2) is x, x.rjust(11) is x, x.zfill(1) is x, x.center(13) is x)
print(x.lower() is x, x.upper() is x, x.title() is x, x.capitalize() is x)
y = "  padded  "
print(y.strip() is y, y.strip() == "padded", y.rstrip() is y, y.replace(" ", "") is y)
print("".join([x]) is x, " ".join([x]) is x, "-".join([x, x]) is x, "".join([]) == "")
word = "nospace"
print(word.split()[0] is word, word.split(",")[0] is word, "  word  ".split()[0] is word, x.split()[0] is x)
print("plain text".format() is "plain text".format(), x.format() is x)
print(x.removeprefix("") is x, x.partition("#")[0] is x)

class Name(str):
    pass

n = Name("hello world")
for result in (n.strip(), n.replace("#", "!"), n.ljust(2), "".join([n]), n.split()[0], n.format()):
    print(type(result).__name__, result is n, end="; ")
print()

r0 = sys.getrefcount(x)
kept = [x.strip(), x.replace("#", ""), x.ljust(0), "".join([x]), x.format()]
print(sys.getrefcount(x) - r0)
print("aaa".replace("a", "b", 2), "abc".replace("", "-", 2), "abc".replace("", "-", 0), "abc".replace("", "-", 9),
      "abc".replace("", "-"), "aaa".replace("a", "", 1), "aXbXc".replace("X", "--", -1))
