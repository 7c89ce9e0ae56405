# bytes' methods: results, errors and CPython's identities (the bytes itself when unchanged, the caches for
# lengths 0 and 1, a fresh object from upper/lower)
data = b"key=value=more"
print(data.find(b"="), data.rfind(b"="), data.index(b"v"), data.rindex(b"e"), data.count(b"e"), data.count(b""))
print(data.find(61), data.count(101), data.find(b"#"), data.rfind(b""))
for bad in ("=", 300, 1.5):
    try:
        data.find(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    data.index(b"#")
except ValueError as e:
    print(e)
print(data.startswith(b"key"), data.endswith((b"x", b"more")), data.startswith(b""), b"".endswith(b"a"))
try:
    data.startswith("key")
except TypeError as e:
    print(e)

print(data.replace(b"=", b": "), data.replace(b"=", b"", 1), b"ab".replace(b"", b"-"), b"ab".replace(b"", b"-", 2))
print(data.replace(b"#", b"!") is data, data.replace(b"=", b"=", 0) is data, data.replace(b"=", b"+") is data)
padded = b"  \t padded \n"
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), repr(b"\r\x00\x7f\x80\\"))
print(padded.strip(), padded.lstrip(), padded.rstrip(), b"xxhixx".strip(b"x"), b"xxhixx".lstrip(b"x"))
B, EMPTY = b"b", b""
print(data.strip() is data, data.strip(b"#") is data, b"ab".lstrip(b"a") is B, b"aa".strip(b"a") is EMPTY)

for part in (data.partition(b"="), data.rpartition(b"="), data.partition(b"#"), data.rpartition(b"#")):
    print(part, [p is data for p in part])
sep = b"="
print(data.partition(sep)[1] is sep, data.partition(b"#")[1] is data.partition(b"#")[2])
try:
    data.partition(b"")
except ValueError as e:
    print(e)

print(data.removeprefix(b"key="), data.removesuffix(b"=more"), data.removeprefix(b"no") is data,
      data.removesuffix(b"") is data)
print(b", ".join([b"a", b"b", b"c"]), b"".join([]), b"-".join([b"x"]))
try:
    b",".join([b"a", "b"])
except TypeError as e:
    print(e)

one = b"a"
up = one.upper()
A = b"A"
print(up, up is A, up == A, b"Mixed Case 1".upper(), b"Mixed Case 1".lower(), EMPTY.upper() is EMPTY)
print(b"123".isdigit(), b"12a".isdigit(), b"".isdigit(), b"abC".isalpha(), b"ab1".isalnum(), b" \t\n".isspace())
print(b"abc".islower(), b"aBc".islower(), b"ABC1".isupper(), b"123".isupper(), b"\xff".isascii(), b"".isascii())

class Blob(bytes):
    pass

blob = Blob(b"stay")
same = blob.strip()
print(type(same).__name__, same == blob, same is blob, type(blob.replace(b"#", b"")).__name__)
