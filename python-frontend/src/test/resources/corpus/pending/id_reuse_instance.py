# the block of a freed instance and the next instance of the same class
class A:
    pass
a = A()
ida = id(a)
del a
b = A()
print(id(b) == ida)
