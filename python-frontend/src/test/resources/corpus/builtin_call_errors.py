# Calling built-in functions, types and methods with the wrong arguments: CPython's TypeError for each calling
# convention (METH_O, _PyArg_CheckPositional, Argument Clinic), unknown keywords as each version words them (3.13
# suggests a close name), and the keyword forms of the parameters that take them.
fns = dict(print=print, sorted=sorted, max=max, min=min, sum=sum, enumerate=enumerate, round=round, zip=zip, len=len,
           abs=abs, isinstance=isinstance, hasattr=hasattr, getattr=getattr, setattr=setattr, repr=repr, hash=hash,
           id=id, iter=iter, next=next, any=any, all=all, divmod=divmod, chr=chr, ord=ord, hex=hex, bin=bin, map=map,
           filter=filter, reversed=reversed, range=range, list=list, tuple=tuple, set=set, frozenset=frozenset,
           float=float, bool=bool, type=type, object=object, pow=pow, callable=callable, format=format, vars=vars,
           issubclass=issubclass, str=str, int=int, bytes=bytes, dict=dict, oct=oct, super=super, property=property,
           staticmethod=staticmethod, classmethod=classmethod, slice=slice, delattr=delattr,
           globals=globals)
def outcome(f, args, kwargs):
    """What calling f gives: ok, or the exception's type and message."""
    try:
        f(*args, **kwargs)
        return "ok"
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


for n, f in fns.items():
    for args in [(), ([3, 1],)]:
        print(n, len(args), outcome(f, args, {"bogus_kw": 1}))
functions = [n for n in fns if n not in ("range", "list", "tuple", "set", "frozenset", "float", "bool", "type",
                                         "object", "str", "int", "bytes", "dict", "super", "property",
                                         "staticmethod", "classmethod", "slice")]
for n in functions:
    for args in [(), (1,), (1, 2, 3, 4)]:
        print(n, len(args), outcome(fns[n], args, {}))
for n in ("range", "list", "tuple", "set", "frozenset", "float", "bool", "type", "object", "str", "int", "bytes",
          "dict", "super", "property", "staticmethod", "classmethod", "slice"):
    for args in [(), (1,), (1, 2, 3, 4), (1, 2, 3, 4, 5)]:
        print(n, len(args), outcome(fns[n], args, {}))
print(int(x=1) if False else "", str(object="a"), bytes(source=b"x"), property(fget=None, doc="d") is not None)
for c in [lambda: int("1", bse=2), lambda: str(objct=1), lambda: int(x=5)]:
    try: c()
    except TypeError as e: print(e)
for f in [lambda: "a b".split(sepx=" "), lambda: [3,1].sort(keyx=None), lambda: (5).to_bytes(2, "big", sign=True),
          lambda: "a".encode(enc="x"), lambda: "ab".splitlines(keep=True), lambda: "ab".expandtabs(size=2),
          lambda: sorted([1], keyx=1), lambda: print(1, endx=""), lambda: "a".replace("a", "b", cnt=1),
          lambda: int.from_bytes(b"a", "big", sign=True), lambda: {}.get(1, default=2), lambda: max([1], keyx=1),
          lambda: "a".split(" ", maxsplit=1, sep=" "), lambda: b"a".hex(sepp=":"), lambda: [].index(1, start=0)]:
    try:
        f()
        print("ok")
    except TypeError as e:
        print(e)
for c in [lambda: dict([(1, 2, 3)]), lambda: dict([3, 1]), lambda: dict([(1, 2), "ab", [5]]), lambda: dict(["ab", "cd"])]:
    try:
        print(c())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(pow(2, 10, 7), pow(3, -1, 7), pow(5, 2, -7), pow(2, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2.0, 2, 3)
except TypeError as e:
    print(e)
print(round(number=2.675, ndigits=2), list(enumerate(iterable="ab", start=5)))
try:
    round(2.5, number=2)
except TypeError as e:
    print(e)
print(sorted([3, 1, 2], reverse=True), max([], default=7), sum([1, 2], start=10))
for bad in [lambda: reversed({1}), lambda: ord(b"ab"), lambda: ord("ab"), lambda: ord(1.5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
