# The copy module: shallow and deep copies as CPython's copy.py makes them (what is shared, what is new,
# the memo, __copy__/__deepcopy__, slots, subclasses of the built-ins) and what the copies cost.
import copy, sys
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c == a)
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"P({self.x}, {self.y})"
p = P([1], "s")
q = copy.copy(p)
r = copy.deepcopy(p)
print(q, r, q.x is p.x, r.x is p.x, q is p, "__slotnames__" in P.__dict__, P.__slotnames__)
class S:
    __slots__ = ("a", "__b")
    def __init__(self):
        self.a = [1]
        self.__b = 2
s = S()
s2 = copy.deepcopy(s)
print(s2.a, s2.a is s.a, s2._S__b, S.__slotnames__)
class Node:
    pass
n = Node()
n.me = n
n2 = copy.deepcopy(n)
print(n2.me is n2, n2 is not n)
class C:
    def __copy__(self):
        return "custom copy"
    def __deepcopy__(self, memo):
        return "custom deepcopy"
print(copy.copy(C()), copy.deepcopy(C()))
print(copy.copy({1, 2}), copy.deepcopy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(range(3)))
class L(list):
    pass
l = L([1, [2]])
l.attr = "v"
l2 = copy.deepcopy(l)
print(type(l2).__name__, l2, l2[1] is l[1], l2.attr)
class D(dict):
    pass
d = D(a=[1])
d2 = copy.copy(d)
print(type(d2).__name__, d2, d2["a"] is d["a"])
class MyInt(int):
    pass
mi = MyInt(5)
mi.tag = 1
mi2 = copy.copy(mi)
print(type(mi2).__name__, mi2, mi2.tag)
x = [1, 2]
memo = {}
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], len(memo), sys.getrefcount(x))
def f(): pass
print(copy.copy(f) is f, copy.deepcopy(len) is len, copy.copy(P) is P)
try:
    copy.deepcopy((i for i in ()))
except TypeError as e:
    print(e)
m = p.__repr__
print(copy.copy(m) == m, copy.deepcopy(m).__self__ is not p)
big = list(range(100))
print(sys.getsizeof(big), sys.getsizeof(copy.copy(big)), sys.getsizeof(copy.deepcopy(big)))
dd = {str(i): i for i in range(20)}
print(sys.getsizeof(dd), sys.getsizeof(copy.copy(dd)), sys.getsizeof(copy.deepcopy(dd)))
class Pt:
    def __init__(self):
        self.a = 1
        self.b = 2
pt = Pt()
pc = copy.copy(pt)
print(sys.getsizeof(pc.__dict__) == sys.getsizeof(copy.deepcopy(pt).__dict__), vars(pc))
