# collections.ChainMap and UserDict, and the mixin methods of the collections.abc classes (Mapping, MutableMapping, Sequence, MutableSequence, Set, the views) that a program's subclasses inherit
from collections import ChainMap, UserDict
from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet, KeysView
base = {"a": 1, "b": 2}; over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm.get("z", 0), len(cm), list(cm), sorted(cm.items()), "c" in cm, cm, bool(ChainMap()))
child = cm.new_child({"d": 4}); child["e"] = 5; print(child, child.parents, list(child.keys()), child.maps[0])
del child["e"]
try:
    del child["a"]
except KeyError as e:
    print("KeyError", e)
print(cm.pop("b"), cm, cm | {"z": 0}, dict(cm), cm == {"a": 1, "b": 2, "c": 30}, cm.keys(), isinstance(cm, MutableMapping))
class U(UserDict):
    def __missing__(self, key):
        return key * 2
u = U(x=1)
u["y"] = 2
u.update({"z": 3}, w=4)
print(u, u["q"], len(u), "x" in u, u.get("nope"), u.pop("x"), u.setdefault("v", 9), sorted(u.keys()), sorted(u.values()), u.copy(), type(u.copy()).__name__, U.fromkeys("ab", 0))
print(u == {"y": 2, "z": 3, "w": 4, "v": 9}, u | {"n": 1}, isinstance(u, Mapping), list(reversed(UserDict(a=1))) if hasattr(UserDict, '__reversed__') and UserDict.__reversed__ else "no reversed")
class S(Sequence):
    def __init__(self, items):
        self.items = list(items)
    def __getitem__(self, i):
        return self.items[i]
    def __len__(self):
        return len(self.items)
s = S("abcab")
print(list(s), "b" in s, s.index("b"), s.index("b", 2), s.count("a"), list(reversed(s)), isinstance(s, Sequence))
class M(MutableSequence):
    def __init__(self):
        self.items = []
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __len__(self): return len(self.items)
    def insert(self, i, v): self.items.insert(i, v)
m = M(); m.append(1); m.extend([2, 3]); m += [4]; m.reverse(); print(m.items, m.pop(), m.items); m.remove(3); print(m.items); m.clear(); print(m.items)
class FS(Set):
    def __init__(self, it): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
a, b = FS([1, 2, 3]), FS([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= FS([1, 2, 3, 4]), a == FS([3, 2, 1]), a.isdisjoint([9]), FS.__hash__)
print(Mapping.__hash__, Mapping.__reversed__, KeysView(base), list(KeysView(base)), 'a' in KeysView(base))
