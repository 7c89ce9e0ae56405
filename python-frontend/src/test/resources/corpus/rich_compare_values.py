# A comparison's value is what the comparison method returned (do_richcompare), not its truth: the
# reflected method of a subclass first, NotImplemented falling through to identity or TypeError; chains
# give the first false comparison's object or the last one's.
import sys
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return ('eq', self.v)
    def __lt__(self, o): return [self.v]
    def __gt__(self, o): return 'gt'
class B(A):
    def __gt__(self, o): return 'B.gt'
    def __lt__(self, o): return 'B.lt'
class N:
    def __eq__(self, o): return NotImplemented
    def __lt__(self, o): return NotImplemented
class Z:
    def __lt__(self, o): return 0
a, b = A(1), B(2)
print(a == 1, a < 2, 2 < a, a > 3, a != a, a == a)
print(a < b, b > a, a > b)
n = N()
print(n == n, n == 1, n != 1)
try: n < 1
except TypeError as e: print(e)
try: n < a
except TypeError as e: print(e)
print(1 < a < 3, a < 3 < 4, Z() < 1 < 2)
try: 0 < 1 < Z()
except TypeError as e: print(e)
print(a == 1 == 2)
x = [a == 1]
print(sys.getrefcount(x[0]))
print([1, 2] == [1, 2], (a,) == (a,), a in [a], [a] == [a])
class T:
    def __eq__(self, o):
        print('eq called')
        return NotImplemented
print(T() == T())
