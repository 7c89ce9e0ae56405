# globals and builtins read by a function after each kind of change: rebinding, shadowing a builtin and
# deleting the shadow, globals() writes, a key whose __eq__ changes the globals during a lookup, and a
# non-str key left in the module's dict at exit
def f():
    return len([1, 2]), X
X = 1
print(f())
X = 2
print(f())
def len(x):
    return 99
print(f())
del len
print(f())
globals()["X"] = 3
print(f())
class K:
    def __init__(self, h): self.h = h
    def __hash__(self): return hash("X")
    def __eq__(self, o):
        globals()["X"] = 42
        return False
globals()[K(1)] = "k"
print(f())
print(f())
