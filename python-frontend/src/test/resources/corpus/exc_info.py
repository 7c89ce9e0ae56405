# sys.exc_info() and sys.exception(): the exception the innermost running except clause handles, and the
# references they hand out
import sys

print(sys.exc_info(), sys.exception())

def show(tag):
    t, v, tb = sys.exc_info()
    print(tag, t.__name__ if t is not None else None, repr(v), tb is not None and tb is (v.__traceback__ if v is not None else None))

try:
    raise ValueError("outer")
except ValueError as e:
    show("in handler:")
    print(sys.exception() is e, sys.exc_info()[1] is e)
    before = sys.getrefcount(e)
    info = sys.exc_info()
    print("refs held by an exc_info tuple:", sys.getrefcount(e) - before)
    del info
    print("after del:", sys.getrefcount(e) - before)
    try:
        raise KeyError("inner")
    except KeyError as k:
        show("nested:")
        print(sys.exception() is k)
    show("back in outer:")
    print(sys.exception() is e)
show("after:")
print(sys.exception())

def handler_in_function():
    try:
        1 / 0
    except ZeroDivisionError:
        return sys.exc_info()[0].__name__, type(sys.exception()).__name__

print(handler_in_function())
show("after function:")

class Boom(Exception):
    pass

try:
    try:
        raise Boom("b")
    finally:
        show("in finally:")
except Boom:
    show("caught:")
