# compare-stderr
# An uncaught NameError's traceback suggests the closest name among the frame's locals, its globals and the
# builtins (CPython's edit distance, a case flip costing half).
def f(counter):
    countr = 1
    return countre
f(1)
