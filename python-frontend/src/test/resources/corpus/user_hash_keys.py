# instances with __eq__/__hash__ as dict keys and set members
class V:
    def __init__(self, a):
        self.a = a
    def __eq__(self, o):
        return isinstance(o, V) and self.a == o.a
    def __hash__(self):
        return hash(self.a)
    def __repr__(self):
        return "V(%r)" % self.a
print({V(1): "x"}.get(V(1)), V(2) in {V(2)}, len({V(3), V(3)}))
d = {V(1): "one", V(2): "two"}
d[V(1)] = "uno"
print(len(d), d[V(1)], d.get(V(9), "none"), V(2) in d, V(3) in d)
del d[V(2)]
print(d)
s = {V(1), V(2), V(1)}
s.add(V(2))
s.discard(V(1))
print(s, V(2) in s, hash(V(5)) == hash(5))
print(frozenset([V(4), V(4)]), {V(1): 1} == {V(1): 1})
print((V(1), 2) in {(V(1), 2)}, d.setdefault(V(1), "x"), d.pop(V(1)), d)

# calls counted: each lookup hashes the key once and compares only on equal hashes
calls = []
class Counted:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        calls.append("hash")
        return self.k % 2
    def __eq__(self, o):
        calls.append("eq")
        return self.k == o.k
t = {Counted(1): 1, Counted(3): 3}
print(calls)
calls.clear()
print(t[Counted(3)], calls)

# a class defining __eq__ alone is unhashable; __hash__ = None too
class EqOnly:
    def __eq__(self, o):
        return True
class NoHash:
    __hash__ = None
print(EqOnly.__hash__, NoHash.__hash__)
for cls in (EqOnly, NoHash):
    for attempt in (lambda o: hash(o), lambda o: {o: 1}, lambda o: {o}, lambda o: o in {1: 2}):
        try:
            attempt(cls())
        except TypeError as e:
            print("TypeError:", e)

# a subclass inherits __hash__ unless it defines __eq__
class Sub(V):
    pass
class SubEq(V):
    def __eq__(self, o):
        return False
print(Sub(7) in {V(7)}, Sub.__hash__ is V.__hash__, SubEq.__hash__)

# __eq__ raising propagates out of the lookup; the dict is unchanged
class Bad:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise ValueError("no comparing")
b1, b2 = Bad(), Bad()
bd = {b1: "first"}
def store():
    bd[b2] = 1
for op in (lambda: bd[b2], store, lambda: b2 in {b1}, lambda: {b1, b2}):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
print(len(bd), bd[b1])

# __hash__ results: big ints reduced as int's hash, -1 becomes -2, non-int refused
class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(H(-1)), hash(H(2**62)), hash(H(2**64)) == hash(2**64), hash(H(True)))
try:
    hash(H("x"))
except TypeError as e:
    print("TypeError:", e)

# an __eq__ that empties the dict while it is searched
class Clearing:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        cd.clear()
        return False
cd = {Clearing(): 1}
cd[Clearing()] = 2
print(len(cd))
