# attributes of built-in values: the names a type has, CPython's AttributeError for any other
values = (1, True, 1.5, "s", b"b", (1,), [1], {1: 2}, {1}, frozenset({1}), None, range(3))
for v in values:
    name = type(v).__name__
    try:
        v.y
    except AttributeError as e:
        print("get", name, e)
    try:
        v.y += 1
    except AttributeError as e:
        print("aug", name, e)
    try:
        v.y = 1
    except AttributeError as e:
        print("set", name, e)
    try:
        del v.y
    except AttributeError as e:
        print("del", name, e)
    print(name, hasattr(v, "y"), getattr(v, "y", "default"), hasattr(v, "__class__"))
print(hasattr(1, "bit_length"), hasattr(1, "real"), hasattr(True, "numerator"), hasattr(1.5, "is_integer"))
print(hasattr("s", "upper"), hasattr("s", "append"), hasattr([], "append"), hasattr([], "upper"))
print(hasattr({}, "keys"), hasattr({}, "add"), hasattr(set(), "add"), hasattr(frozenset(), "add"), hasattr(frozenset(), "union"))
print(hasattr((), "count"), hasattr((), "append"), hasattr(b"", "decode"), hasattr(None, "x"))
print((5).real, (5).imag, True.denominator, (2.5).real, (2.5).imag, range(2, 9, 3).step, "ab".upper(), [3, 1].count(1))
up = "abc".upper
print(up(), type(up).__name__)
x = 1
for label, act in (("x.real = 2", lambda: setattr(x, "real", 2)), ("del x.real", lambda: delattr(x, "real")),
                   ("True.imag = 3", lambda: setattr(True, "imag", 3)), ("(1.5).imag = 2", lambda: setattr(1.5, "imag", 2)),
                   ("'s'.upper = 1", lambda: setattr("s", "upper", 1)), ("del 's'.upper", lambda: delattr("s", "upper")),
                   ("[].append = 1", lambda: setattr([], "append", 1)), ("range(3).start = 1", lambda: setattr(range(3), "start", 1)),
                   ("x.__class__ = int", lambda: setattr(x, "__class__", int))):
    try:
        act()
    except (AttributeError, TypeError) as e:
        print(label, "->", type(e).__name__, e)
try:
    x.numerator = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    frozenset({1}).add(2)
except AttributeError as e:
    print("AttributeError:", e)
