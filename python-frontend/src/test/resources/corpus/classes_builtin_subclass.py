# Subclasses of list, dict and set: the built-in's behaviour, a __dict__ unless __slots__ = (), methods that
# extend or override the built-in's, and CPython's sizes, tracking and refcounts for their instances.
import gc
import sys


class L(list):
    def total(self):
        return sum(self)


class Stack(list):
    def push(self, x):
        self.append(x)
        self.pushes = getattr(self, "pushes", 0) + 1

    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"


class D(dict):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.created = True


class St(set):
    pass


class Ls(list):
    __slots__ = ()


class Ds(dict):
    __slots__ = ()


l = L([3, 1, 2])
l.append(4)
l.sort()
print(l, len(l), l.total(), l[1:3], l + [5], 2 in l, list(reversed(l)), type(l).__name__, type(l + [5]).__name__)
print(isinstance(l, list), isinstance(l, L), issubclass(L, list), [k.__name__ for k in L.__mro__])
print(l == [1, 2, 3, 4], [1, 2, 3, 4] == l, bool(L()), bool(l))
l.tag = "tagged"
print(l.tag, l.__dict__, str(l), repr(l))
s = Stack()
s.push(1)
s.push(2)
print(s, s.pushes, len(s), s.pop(), s)
d = D(a=1, b=2)
d["c"] = 3
print(d, d.created, len(d), sorted(d), d.get("a"), d.__dict__, isinstance(d, dict))
for k, v in d.items():
    print(k, v)
st = St([1, 2, 2, 3])
st.add(4)
print(sorted(st), len(st), 2 in st, type(st).__name__, isinstance(st, set), St(), St([7]), st == {1, 2, 3, 4})
for o in (Ls([1]), Ds(x=1)):
    try:
        o.extra = 1
    except AttributeError as e:
        print("AttributeError:", type(o).__name__, hasattr(o, "__dict__"))

# sizes and tracking as CPython gives them (list/dict/set layout plus __dict__ and weakref room)
for v in [L(), L([1, 2, 3]), D(), D(a=1), St(), St({1}), Ls(), Ls([1]), Ds(), list(), dict()]:
    print(type(v).__name__, sys.getsizeof(v), gc.is_tracked(v))
print(sys.getsizeof(L) == sys.getsizeof(D), sys.getsizeof(Ls) < sys.getsizeof(L))

# refcounts: instances refer to their class; the classes' descriptors and __mro__ refer to them
print(sys.getrefcount(L), sys.getrefcount(D), sys.getrefcount(St), sys.getrefcount(Ls), sys.getrefcount(l))
holder = [l, l]
print(sys.getrefcount(l), sys.getrefcount(L))
del holder

# a cycle through a list subclass and its __dict__
gc.collect()
a = L()
a.me = a
a.append(a)
del a
print("collected", gc.collect())


# operators and the item protocol defined by the subclass, falling back to the built-in's
class Counter(dict):
    def __missing__(self, key):
        return 0


class Upper(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.upper(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.upper())

    def __contains__(self, key):
        return super().__contains__(key.upper())


class Vec(list):
    def __add__(self, other):
        return Vec(x + y for x, y in zip(self, other))

    def __radd__(self, other):
        return "radd"

    def __len__(self):
        return 100


counts = Counter()
for w in "a b a c a".split():
    counts[w] = counts[w] + 1
print(counts, counts["zzz"], "zzz" in counts)
u = Upper()
u["key"] = 1
print(u, u["KEY"], u["key"], "key" in u, "other" in u)
v = Vec([1, 2]) + Vec([10, 20])
print(v, type(v).__name__, 5 + Vec([1]), len(v), super(Vec, v).__len__(), Vec([1]) * 2)
