# __slots__ versus __dict__ instances
import sys
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class S:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
s = S(1, 2)
print(sys.getsizeof(p), sys.getsizeof(s))
try:
    s.w = 3
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(p, "x"), hasattr(s, "z"), getattr(s, "z", "missing"))
p.w = 5
print(p.w, s.x + s.y)
