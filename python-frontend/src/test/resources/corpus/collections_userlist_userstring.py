# collections.UserList and UserString: their data, results of the subclass's type where CPython gives them, comparisons and the ABC mixins
from collections import UserList, UserString
from collections.abc import MutableSequence, Sequence
class L(UserList):
    pass
l = L([3, 1, 2])
l.append(5); l.extend(L([9])); l += [0]; l.insert(0, 7); l.sort(); print(l, type(l[1:3]).__name__, l[1], len(l), 4 in l, l.count(1), l.index(2))
print(l + [1], [1] + l, l * 2, type(l.copy()).__name__, l == [0, 1, 2, 3, 5, 7, 9], l < [5], l.pop(), l.pop(0), l, list(reversed(l)), isinstance(l, MutableSequence))
l.remove(3); l.reverse(); print(l, sorted(l), bool(L()), repr(L("ab")))
s = UserString("Hello World")
print(s.upper(), type(s.upper()).__name__, s.split(), s.find("o"), s[1:4], type(s[1:4]).__name__, len(s), "World" in s, UserString("lo") in s, s + "!", "> " + s, s * 2)
print(s.replace("o", "0"), s.startswith(("He", "x")), s.count(UserString("l")), s.center(15, "*"), s == "Hello World", s < "Z", hash(s) == hash("Hello World"), int(UserString("42")), str(s), repr(s))
print(UserString("%s-%s") % ("a", "b"), s.partition(" "), s.encode(), s.zfill(13), s.join(["x", "y"]), isinstance(s, Sequence), sorted(UserString("cab")))
