# Making instances of subclasses of the immutable built-ins: the keywords the built-in's __new__ takes (int's
# base; none for float, tuple and frozenset unless the class has its own __init__, which gets them), and a
# __new__ of the class's own that sets attributes on what the built-in's __new__ made.


class Length(float):
    def __init__(self, value, unit="m"):
        self.unit = unit


class Pair(tuple):
    def __init__(self, items, label=""):
        self.label = label


class Word(str):
    def __init__(self, text, lang="en"):
        super().__init__()
        self.lang = lang


class Count(int):
    def __new__(cls, value, label=""):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj


a = Length(2.0, unit="cm")
p = Pair([1, 2], label="xy")
c = Count(3, label="apples")
print(a, a.unit, p, p.label, c, c.label, type(c).__name__, Word("hi").lang)
try:
    Word("hi", lang="fr")
except TypeError as e:
    print("TypeError", e)


class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


class B(bytes):
    pass


class T(tuple):
    pass


class FS(frozenset):
    pass


class Fi(float):
    def __init__(self, v, **kw):
        self.kw = kw


class Ti(tuple):
    def __init__(self, v, **kw):
        self.kw = kw


class FSi(frozenset):
    def __init__(self, v, **kw):
        self.kw = kw


for make in (I, F, S, B, T, FS, Fi, Ti, FSi):
    try:
        r = make([1] if make in (T, FS, Ti, FSi, B) else 1, lang="x")
        print(make.__name__, "ok", r, r.kw)
    except TypeError as e:
        print(make.__name__, e)
print(int("ff", base=16), I("ff", base=16), type(I("0x10", base=0)).__name__, I("12"), FS("ab") == {"a", "b"})


# object.__new__ cannot make them: the value is the built-in __new__'s to make
class Plain(int):
    pass


class D(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


class DD(D):
    def __new__(cls, v):
        return super().__new__(cls, v)


for c in (Plain, D, DD):
    try:
        print(object.__new__(c))
    except TypeError as e:
        print(e)
print(DD(2), type(DD(2)).__name__)
