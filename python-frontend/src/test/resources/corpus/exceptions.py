# exceptions: hierarchy, else/finally, user classes, re-raise
class MyError(ValueError):
    pass
def risky(n):
    if n == 0:
        raise MyError("zero")
    if n == 1:
        return {}["missing"]
    return [][n]
for n in range(3):
    try:
        risky(n)
    except ValueError as e:
        print("value", type(e).__name__, e)
    except LookupError as e:
        print("lookup", type(e).__name__, repr(e))
    else:
        print("no error")
    finally:
        print("finally", n)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
try:
    try:
        int("x")
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with CM() as cm:
    raise KeyError("k")
print("after with")
