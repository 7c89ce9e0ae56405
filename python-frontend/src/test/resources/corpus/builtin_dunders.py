# dunder methods of built-in types looked up as attributes: object's slot wrappers (through super() and
# directly), and int/float/str/bytes/list/tuple/dict/set's, with NotImplemented for other types
import sys


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
        return r
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        super().__init__()
        self.x = x
        self.y = y

    def __eq__(self, other):
        if isinstance(other, Point):
            return (self.x, self.y) == (other.x, other.y)
        return super().__eq__(other)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Point(%d, %d) / %s" % (self.x, self.y, super().__repr__()[:7])


p = Point(1, 2)
print(p == Point(1, 2), p == 3, p != 3, p.__eq__(3), p.__ne__(Point(1, 2)), repr(p))
print(super(Point, p).__eq__(p), super(Point, p).__eq__(Point(1, 2)), super(Point, p).__ne__(p))
print(object.__eq__(p, p), object.__eq__(p, 1), object.__ne__(p, 1), object.__lt__(p, 1))
print(object.__hash__(p) == hash(id(p) >> 4) or object.__hash__(p) == object.__hash__(p))
print(object.__repr__(p)[:15], object.__str__(3), str.__str__("s"), int.__repr__(5), float.__repr__(2.5))
print(object.__format__(p, "") == str(p))
attempt("object.__format__ spec", lambda: object.__format__(p, "x"))


class Frozen:
    __slots__ = ()


class Guarded:
    def __init__(self):
        object.__setattr__(self, "ready", True)

    def __setattr__(self, name, value):
        print("Guarded.__setattr__", name, value)
        if name.startswith("_"):
            raise AttributeError("private: " + name)
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        print("Guarded.__delattr__", name)
        object.__delattr__(self, name)


g = Guarded()
g.size = 21
print(g.ready, g.size, g.__dict__)
attempt("set private", lambda: setattr(g, "_x", 1))
del g.size
print(hasattr(g, "size"), g.__dict__)
attempt("del missing", lambda: delattr(g, "size"))
attempt("object.__setattr__ on int", lambda: object.__setattr__(5, "x", 1))
attempt("object.__setattr__ name int", lambda: object.__setattr__(g, 5, 1))


class Logged:
    def __init__(self):
        self.hits = 0

    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback " + name

    def value(self):
        return 42


lg = Logged()
print(lg.value(), lg.value(), lg.missing, lg.hits)
attempt("__getattribute__ missing", lambda: object.__getattribute__(lg, "nothing"))


class Tracked(dict):
    def __setitem__(self, key, value):
        print("Tracked set", key)
        dict.__setitem__(self, key, value)

    def __getitem__(self, key):
        return dict.__getitem__(self, key) * 10


t = Tracked()
t["a"] = 1
print(t["a"], dict.__getitem__(t, "a"), dict.__len__(t), dict.__contains__(t, "a"), list(dict.__iter__(t)))


class Money(int):
    def __add__(self, other):
        return Money(int.__add__(self, other))

    def __eq__(self, other):
        return super().__eq__(other)

    __hash__ = int.__hash__

    def __repr__(self):
        return "$" + int.__repr__(self)


m = Money(5)
print(m + 3, type(m + 3).__name__, m == 5, m == 5.0, m == "5", hash(m) == hash(5), {m: 1}[5])

# numbers
print(int.__add__(1, 2), (1).__add__(1.0), (2).__mul__(3), (7).__floordiv__(2), (7).__truediv__(2), (7).__mod__(3))
print((1).__radd__(2), (2).__rsub__(10), (2).__pow__(10), (1).__lshift__(4), (6).__and__(3), (6).__or__(1), (6).__xor__(2))
print((1).__eq__(1), (1).__eq__(1.0), (1).__eq__("1"), (1).__lt__(2), (1).__lt__(2.5), (1).__ne__(2), (3).__ge__(True))
print((1.5).__add__(1), (1.5).__add__("x"), (1.5).__radd__(2), (1.5).__eq__(1.5), (1.0).__eq__(1), (2.5).__lt__(3))
print((5).__neg__(), (5).__pos__(), (-5).__abs__(), (5).__invert__(), (5).__bool__(), (0).__bool__(), (2.5).__neg__())
print((5).__int__(), (5).__float__(), (5).__index__(), (2.7).__int__(), (2.5).__float__(), (5).__hash__(), (5).__str__())
print((5).__sizeof__() == sys.getsizeof(5), (2.5).__format__(".2f"), (255).__format__("x"), "ab".__format__(">4"))
attempt("int.__add__ str self", lambda: int.__add__("a", 1))
attempt("int.__add__ no args", lambda: int.__add__())
attempt("int.__add__ one arg", lambda: (1).__add__())

# sequences
print(str.__add__("a", "b"), "ab".__len__(), "ab".__contains__("b"), "ab".__getitem__(1), "ab".__mul__(3), "ab".__rmul__(2))
print("a".__eq__("a"), "a".__eq__(1), "a".__lt__("b"), "a".__lt__(1), "a".__ne__(1), "%d-%s".__mod__((1, "x")))
attempt("str.__add__ int", lambda: "a".__add__(1))
print(list.__len__([1, 2]), list.__getitem__([1, 2], -1), [1].__add__([2]), [1].__mul__(2), [1, 2].__contains__(2))
attempt("list.__add__ tuple", lambda: [1].__add__((2,)))
print([1].__eq__([1]), [1].__eq__((1,)), [1].__lt__([2]), [1].__lt__((2,)), list(list.__iter__([3, 4])), [1].__ne__(1))
lst = [1, 2, 3]
list.__setitem__(lst, 0, 9)
list.__delitem__(lst, 1)
print(lst, lst.__iadd__([7]) is lst, lst, next(lst.__reversed__()))
print(tuple.__len__((1, 2)), (1, 2).__getitem__(0), (1,).__add__((2,)), (1,).__mul__(2), (1, 2).__contains__(3), (1,).__eq__([1]))
print((1, 2).__hash__() == hash((1, 2)), b"ab".__len__(), b"ab".__add__(b"c"), b"ab".__getitem__(0), b"a".__eq__("a"))

# dicts and sets
d = {"k": 1}
dict.__setitem__(d, "j", 2)
dict.__delitem__(d, "k")
print(d, dict.__getitem__(d, "j"), d.__len__(), d.__contains__("j"), d.__eq__({"j": 2}), d.__eq__(1), d.__lt__({}))
print({1: 2}.__or__({3: 4}), {1: 2}.__or__(1))
attempt("dict.__getitem__ missing", lambda: dict.__getitem__(d, "zz"))
s = {1, 2}
print(s.__len__(), s.__contains__(1), s.__and__({2, 3}), s.__or__({3}), s.__sub__({1}), s.__xor__({2, 5}), s.__and__([2]))
print(s.__eq__({1, 2}), s.__eq__(frozenset({1, 2})), s.__le__({1, 2, 3}), s.__lt__([1]), frozenset({1}).__or__({2}))
print(list.__hash__, dict.__hash__, set.__hash__, type(frozenset().__hash__()).__name__)
print(hasattr(1, "__add__"), hasattr("", "__len__"), hasattr(1, "__len__"), hasattr([], "__hash__"), hasattr(p, "__setattr__"))
print(int.__add__.__name__, type(int.__add__).__name__ in ("wrapper_descriptor", "builtin_function_or_method"))

# reference counts of objects passed through the wrappers stay CPython's
item = "v" + str(7)
holder = [item]
r0 = sys.getrefcount(item)
for _ in range(3):
    list.__getitem__(holder, 0)
    holder.__contains__(item)
    dict.__setitem__(d, item, item)
    object.__setattr__(g, "kept", item)
    object.__getattribute__(g, "kept")
print(sys.getrefcount(item) - r0)
dict.__delitem__(d, item)
object.__delattr__(g, "kept")
print(sys.getrefcount(item) - r0)

# divmod, round, trunc/floor/ceil, bool's own &, list *=, dict reversed, object's __init__ on instances
print(True.__and__(False), True.__or__(1), (7).__divmod__(2), (7.5).__divmod__(2), (2.5).__round__(), (2.567).__round__(2))
print((7).__round__(-1), (2.7).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (5).__trunc__(), (5).__rdivmod__(17))
twice = [1, 2]
print(twice.__imul__(2) is twice, twice, list({1: 2, 3: 4}.__reversed__()))
print(round(1234, -2), round(1250, -2), round(-2.5), round(2.675, 2), round(0.5), divmod(-7, 2))
print(Frozen().__init__(), (5).__init__(), Point.__ne__(p, 1), Point.__hash__(p) == hash(p), Frozen.__eq__(Frozen(), 1))
attempt("round 2 args", lambda: (2.5).__round__(1, 2))

# edge cases: errors the built-in operations raise through the wrappers, dict |= pairs, object.__new__(object)
attempt("getitem unhashable", lambda: dict.__getitem__({}, []))
attempt("list getitem str", lambda: list.__getitem__([1], "a"))
attempt("truediv 0", lambda: int.__truediv__(1, 0))
attempt("floordiv 0", lambda: (1).__floordiv__(0))
attempt("mod 0.0", lambda: (1.5).__mod__(0))
attempt("pow neg", lambda: (2).__pow__(-1))
attempt("lshift neg", lambda: (1).__lshift__(-1))
attempt("divmod 0", lambda: (1).__divmod__(0))
attempt("float int inf", lambda: float("inf").__int__())
attempt("float round nan", lambda: float("nan").__round__())
attempt("round str", lambda: (1.5).__round__("a"))
attempt("setitem tuple", lambda: list.__setitem__((1,), 0, 1))
attempt("delitem missing", lambda: dict.__delitem__({}, 1))
attempt("list delitem out", lambda: [].__delitem__(0))
attempt("str mul neg", lambda: "ab".__mul__(-1))
attempt("str mul float", lambda: "ab".__mul__(1.5))
attempt("contains unhashable", lambda: {1}.__contains__([]))
attempt("set and list", lambda: {1}.__iand__([1]))
attempt("eq wrong recv", lambda: int.__eq__("a", 1))
attempt("object setattr none", lambda: object.__setattr__(None, "x", 1))
attempt("object getattribute int", lambda: object.__getattribute__(5, "real"))
attempt("object getattribute miss", lambda: object.__getattribute__(5, "zz"))
attempt("object delattr int", lambda: object.__delattr__(5, "real"))
attempt("hash list", lambda: list.__hash__)
attempt("iter int", lambda: list(int.__dict__) if False else str.__iter__(5))
attempt("bytes add str", lambda: b"a".__add__("b"))
attempt("tuple mul", lambda: (1,).__rmul__(3))
attempt("format bad", lambda: (5).__format__("q"))
attempt("format non-str", lambda: (5).__format__(1))
attempt("object format", lambda: object().__format__("")[:15])
attempt("int new", lambda: int.__new__(int, "5"))
attempt("object new", lambda: type(object.__new__(object)).__name__)
attempt("bool and int", lambda: True.__and__(3))
attempt("dict ior list", lambda: {}.__ior__([(1, 2)]))
attempt("reversed dict", lambda: list(dict.__reversed__({1: 1, 2: 2})))

# what the wrappers and method descriptors are, as CPython shows them (type, size, tracking, text)
import gc


class Plain:
    pass


plain = Plain()
for x in (int.__add__, (1).__add__, str.upper, "a".upper, object.__init__, plain.__init__, list.__getitem__,
          [].__getitem__, dict.fromkeys, Plain.__eq__, plain.__eq__, (2.5).__round__, float.__round__, True.__add__,
          bool.__and__, list.append):
    r = repr(x)
    print(type(x).__name__, sys.getsizeof(x), gc.is_tracked(x), r[:r.find(" at 0x")] if " at 0x" in r else r)

# __sizeof__: sys.getsizeof without the GC header and the managed __dict__'s pre-header words
class SizedList(list):
    pass


class SizedTuple(tuple):
    pass


class SizedDict(dict):
    pass


class SizedSet(set):
    pass


class SizedFrozen(frozenset):
    pass


class SizedInt(int):
    pass


class SizedStr(str):
    pass


class SlotList(list):
    __slots__ = ()


class SizedObject:
    pass


class SlotObject:
    __slots__ = ()


values = (SizedList(), SizedTuple(), SizedDict(), SizedSet(), SizedFrozen(), SizedInt(5), SizedStr("a"), SlotList(),
          SizedObject(), SlotObject(), object(), 5, "a", 1.5, b"xy", [1, 2, 3], (1, 2), {1: 2}, {1}, frozenset(), True, 10 ** 30)
print([sys.getsizeof(x) - x.__sizeof__() for x in values])
print([x.__sizeof__() for x in values])

# a hook set on the class, or on a base, after its instances were used, and deleted again
class Late:
    pass


class LateChild(Late):
    pass


late = LateChild()
late.a = 1


def loud_setattr(self, name, value):
    print("loud", name, value)
    object.__setattr__(self, name, value)


Late.__setattr__ = loud_setattr
late.b = 2
Late.counter = 0
late.c = 3
del Late.__setattr__
late.d = 4
print(sorted(late.__dict__.items()))

# which type defines __sizeof__ (the others inherit object's)
for x in (int.__sizeof__, float.__sizeof__, str.__sizeof__, bytes.__sizeof__, tuple.__sizeof__, list.__sizeof__, dict.__sizeof__, set.__sizeof__, frozenset.__sizeof__, object.__sizeof__):
    print(repr(x))
print((1.5).__sizeof__(), (1,).__sizeof__(), b"ab".__sizeof__(), (5).__sizeof__())
# __new__ and object.__init__ are made once, as the types' dicts hold them
class Plain:
    pass
print(Plain.__new__ is object.__new__, int.__new__ is int.__new__, type.__new__ is type.__new__,
      Plain.__init__ is object.__init__, type(object.__new__).__name__, type(Plain.__init__).__name__)
