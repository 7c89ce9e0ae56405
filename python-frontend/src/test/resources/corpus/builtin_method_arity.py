# every named method of the built-in types called with no arguments and with five: CPython's arity
# TypeErrors, worded per calling convention and version (int.is_integer is 3.12+, left out)
methods = [
    (lambda: "s", 'capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill'),
    (lambda: b"b", 'capitalize center count decode endswith expandtabs find fromhex hex index isalnum isalpha isascii isdigit islower isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill'),
    (lambda: 7, 'as_integer_ratio bit_count bit_length conjugate from_bytes to_bytes'),
    (lambda: 1.5, 'as_integer_ratio conjugate fromhex hex is_integer'),
    (lambda: [1], 'append clear copy count extend index insert pop remove reverse sort'),
    (lambda: (1,), 'count index'),
    (lambda: {1: 2}, 'clear copy fromkeys get items keys pop popitem setdefault update values'),
    (lambda: {1}, 'add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop remove symmetric_difference symmetric_difference_update union update'),
    (lambda: frozenset({1}), 'copy difference intersection isdisjoint issubset issuperset symmetric_difference union'),
]
for make, names in methods:
    for name in names.split():
        out = []
        for args in ((), (1, 2, 3, 4, 5)):
            try:
                getattr(make(), name)(*args)
                out.append("ok")
            except TypeError as e:
                out.append(str(e))
            except Exception as e:
                out.append(type(e).__name__)
        print(type(make()).__name__, name, "|", out[0], "|", out[1])

# arguments of the wrong kind or count to the newer methods
def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
attempt("translate()", lambda: "a".translate())
attempt("center()", lambda: b"a".center())
attempt("from_bytes()", lambda: int.from_bytes())
attempt("fromhex()", lambda: float.fromhex())
attempt("maketrans()", lambda: str.maketrans())
attempt("expandtabs('x')", lambda: "a".expandtabs("x"))
attempt("zfill('x')", lambda: b"a".zfill("x"))
attempt("split(1)", lambda: b"a".split(1))
attempt("fromkeys()", lambda: dict.fromkeys())
attempt("symdiff()", lambda: {1}.symmetric_difference_update())
attempt("upper(1)", lambda: "a".upper(1))
attempt("to_bytes(1, 'big', 3)", lambda: (1).to_bytes(1, "big", 3))
attempt("from_bytes(5)", lambda: int.from_bytes(5))
attempt("fromhex(5)", lambda: bytes.fromhex(5))
attempt("count()", lambda: "a".count())
attempt("find(1,2,3,4)", lambda: b"a".find(1, 2, 3, 4))
attempt("replace()", lambda: "a".replace())
attempt("replace(1,2,3,4)", lambda: "a".replace("a", "b", 1, 2))
attempt("btranslate()", lambda: b"a".translate())
attempt("insert()", lambda: [].insert())
attempt("pop(1,2)", lambda: [1].pop(1, 2))
attempt("from_bytes(bytes=)", lambda: int.from_bytes(bytes=b"\x01"))
attempt("bit_length(1)", lambda: True.bit_length(1))
attempt("split(1,2,3)", lambda: "a".split(",", 1, 2))
attempt("bytes.maketrans(1)", lambda: bytes.maketrans(b"a"))
attempt("str.join()", lambda: str.join("a"))
attempt("sort(1)", lambda: [].sort(1, 2, 3))
attempt("fromkeys(1,2,3)", lambda: {}.fromkeys(1, 2, 3))

# keywords where the method takes none (str.replace's count is a keyword from 3.13)
for label, fn in (("upper(x=1)", lambda: "a".upper(x=1)), ("center(fillchar=)", lambda: "a".center(5, fillchar="x")),
                  ("append(x=1)", lambda: [].append(x=1)), ("count(x=1)", lambda: "a".count(x=1)),
                  ("replace(count=1)", lambda: "aaa".replace("a", "b", count=1)), ("get(k=1)", lambda: {}.get(k=1)),
                  ("update(a=1)", lambda: {1: 2}.update(a=1)), ("translate(delete=)", lambda: b"ab".translate(None, delete=b"a")),
                  ("join(iterable=)", lambda: "a".join(iterable=[])), ("split(sep=)", lambda: "a,b".split(sep=",")),
                  ("from_bytes(bytes=)", lambda: int.from_bytes(bytes=b"\x02", byteorder="little"))):
    attempt(label, fn)
