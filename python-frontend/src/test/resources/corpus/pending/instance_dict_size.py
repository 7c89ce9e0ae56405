# the size of an instance's materialised __dict__ (a split table sharing the class's keys in CPython)
import sys
class A:
    def __init__(self):
        self.y = 1
        self.x = 2
a = A()
d = a.__dict__
print(sys.getsizeof(d))
