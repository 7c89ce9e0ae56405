# locals() in a function: on 3.11 and 3.12 the frame keeps one dict, refreshed by each call (and by
# f_locals, exec and dir), which holds a reference to every local for as long as the frame runs, and goes to
# the frame object when the frame returns while one is held; 3.13 (PEP 667) returns a new snapshot each call.
import gc, sys

def refreshed():
    x = object()
    d = locals()
    during = sys.getrefcount(x)
    d2 = locals()
    y = 1
    return during, d is d2, sorted(d), sys.getrefcount(x), "y" in d

def shared_with_f_locals():
    x = object()
    l1 = sys._getframe().f_locals if sys.version_info < (3, 13) else locals()
    l2 = locals()
    return l1 is l2, sys.getrefcount(x)

def unbound():
    x = [1]
    first = sorted(locals())
    del x
    return first, sorted(locals())

def kept():
    big = [0] * 10
    locals()
    return sys._getframe()

print(refreshed())
print(shared_with_f_locals())
print(unbound())
frame = kept()
print(sorted(frame.f_locals), sys.getrefcount(frame.f_locals["big"]))

def with_dir():
    a = 1
    b = 2
    return dir()
print(with_dir())

def with_exec():
    v = 5
    exec("w = v * 2")
    return sorted(locals())
print(with_exec())
