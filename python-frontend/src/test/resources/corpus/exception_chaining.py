# compare-stderr
# Exception chaining: __context__ (implicit), __cause__ (raise ... from), raise ... from None
# (__suppress_context__), read from Python and printed by the uncaught-exception hook.
import gc
import sys


def describe(e):
    ctx = e.__context__
    cause = e.__cause__
    print(type(e).__name__, e.args,
          "context:", type(ctx).__name__ if ctx is not None else None,
          "cause:", type(cause).__name__ if cause is not None else None,
          "suppress:", e.__suppress_context__)


fresh = ValueError("fresh")
describe(fresh)
print(fresh.__traceback__)

try:
    try:
        {}["key"]
    except KeyError:
        raise ValueError("implicit")
except ValueError as e:
    describe(e)
    describe(e.__context__)
    print(type(e.__traceback__).__name__, e.__traceback__.tb_lineno, e.__traceback__.tb_next)
    print(sys.getsizeof(e.__traceback__), gc.is_tracked(e.__traceback__), sys.getrefcount(e.__traceback__))

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError("explicit") from z
except RuntimeError as e:
    describe(e)
    print(e.__cause__ is e.__context__)

try:
    try:
        int("x")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as e:
    describe(e)

try:
    raise IndexError("bare cause") from KeyError
except IndexError as e:
    describe(e)
    describe(e.__cause__)

# a bare raise re-raises the handled exception without making it its own context
try:
    try:
        raise OSError("again")
    except OSError:
        raise
except OSError as e:
    describe(e)

# an exception raised in a finally block that runs for another one has it as context
try:
    try:
        raise KeyError("pending")
    finally:
        try:
            raise LookupError("in finally")
        except LookupError as inner:
            describe(inner)
except KeyError as e:
    describe(e)

# the exception being handled becomes the context of one raised and caught inside a handler
try:
    raise ArithmeticError("outer")
except ArithmeticError:
    try:
        [][0]
    except IndexError as inner:
        describe(inner)

# raising the same exception object again: its context is the exception now being handled
saved = AttributeError("saved")
try:
    raise NameError("first")
except NameError:
    try:
        raise saved
    except AttributeError as e:
        describe(e)

try:
    raise ValueError("cause must be an exception") from 5
except TypeError as e:
    print(e)



class Exits:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("exit:", kind.__name__, value, type(tb).__name__, tb.tb_lineno, tb.tb_next)
        return True


with Exits():
    raise ValueError("inside with")

sys.stdout.flush()


def inner():
    try:
        {}["missing"]
    except KeyError as k:
        raise LookupError("wrapped") from k


def outer():
    try:
        inner()
    except LookupError:
        raise RuntimeError("while handling") from None


try:
    outer()
except RuntimeError as final:
    try:
        [] + ()
    except TypeError:
        raise SystemError("last") from final
