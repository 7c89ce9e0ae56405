# The == and != operators always run the comparison: a class's __eq__ is asked even of the same object, and
# object.__ne__ inverts it; a NaN is not equal to itself; containers still find an object by identity.
class Never:
    def __eq__(self, other):
        print("eq called")
        return False
    __hash__ = object.__hash__
n = Never()
if n == n:
    print("equal")
else:
    print("not equal")
print(n == n, n in [n], [n] == [n], n != n)
x = float("nan")
if x == x:
    print("nan equal")
print(x in [x], {x: 1}[x])
f = len
import sys
print(f == f, sys == sys, int == int, (1, 2) == (1, 2), None == None, ... == ..., print != print, 1.5 == 1.5, "a" == "a")
