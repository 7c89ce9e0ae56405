# A built-in type's slot wrappers and method descriptors are made once, as CPython keeps them in the type's dict: reading one twice gives the same object, a subclass reads its base's; bound ones are new each time
import sys, gc
print(dict.__repr__ is dict.__repr__, list.append is list.append, type({}).__repr__ is dict.__repr__, int.__add__ is int.__add__)
class D(dict): pass
print(D.__repr__ is dict.__repr__, str.upper is str.upper, (1).__add__ is (1).__add__)
print(sys.getrefcount(list.append), sys.getrefcount(dict.__repr__), repr(list.append), repr(dict.__repr__)[:35])
