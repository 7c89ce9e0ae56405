# try/except* (PEP 654): each clause gets the matching subgroup, what no clause handled is raised again as a
# group, a naked exception is wrapped in ExceptionGroup("", ...), exceptions raised in the clauses are raised
# with the unhandled rest, and the refcounts of a group bound by "except* ... as".
import gc
import sys


def show(label, e):
    print(label, type(e).__name__, repr(e))


try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as a:
    show("values:", a)
except* (TypeError, KeyError) as b:
    show("others:", b)
    print(b.message, len(b.exceptions))
print("after")

# a naked exception is wrapped for the clause
try:
    raise ValueError("naked")
except* ValueError as eg:
    show("naked:", eg)
    print(eg.message == "", eg.exceptions[0].args, eg.__traceback__)


# unhandled parts are raised again as a group, with the original's structure
def partly():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), OSError(3)])])
    except* ValueError:
        print("handled the ValueError")
    except* OSError as o:
        show("handled:", o)


try:
    partly()
except ExceptionGroup as rest:
    show("rest:", rest)
    print(rest.__traceback__.tb_lineno, rest.__traceback__.tb_next.tb_lineno)

# a naked exception that no clause matches goes on as itself
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("never")
except KeyError as k:
    show("unmatched:", k)

# clause types are evaluated even when nothing is left to match


def kind(c):
    print("evaluating", c.__name__)
    return c


try:
    raise ExceptionGroup("g", [ValueError()])
except* kind(ValueError):
    print("matched")
except* kind(TypeError):
    print("never")

# exceptions raised in the clauses are raised with the unhandled rest
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("from the clause")
    except* TypeError:
        pass
except ExceptionGroup as e:
    show("raised:", e)
    show("its context:", e.exceptions[0].__context__)
    show("rest part:", e.exceptions[1])

# a bare raise re-raises the clause's subgroup: nothing new, the original structure
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    show("reraised:", e)

try:
    try:
        raise ValueError("alone")
    except* ValueError:
        raise
except ExceptionGroup as e:
    show("wrapped reraise:", e)

# one raised exception from a naked one is raised as is
try:
    try:
        raise ValueError("v")
    except* ValueError:
        raise TypeError("t")
except TypeError as t:
    show("as is:", t)
    show("context:", t.__context__)

# else and finally
for exc in (None, ValueError("x")):
    try:
        if exc:
            raise exc
    except* ValueError:
        print("handled", repr(exc))
    else:
        print("else")
    finally:
        print("finally")

# errors CPython gives for the clause's class
for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int, "x"):
    try:
        try:
            raise ValueError()
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

# break/continue/return are fine in loops and functions defined inside an except* block
try:
    raise ExceptionGroup("g", [ValueError()])
except* ValueError:
    for i in range(3):
        if i == 1:
            continue
        if i == 2:
            break

    def inside():
        return 1
    print("inside", inside())

# refcounts of the group bound by "as", and of the leaves
leaf = ValueError("leaf")
try:
    raise leaf
except* ValueError as eg:
    print(sys.getrefcount(eg), eg.exceptions[0] is leaf, gc.is_tracked(eg))
print(sys.getrefcount(leaf))
try:
    raise ExceptionGroup("g", [leaf, TypeError()])
except* ValueError as eg:
    print(sys.getrefcount(eg), sys.getrefcount(leaf))
except* TypeError as eg:
    print(sys.getrefcount(eg))
try:
    eg
except NameError:
    print("eg unbound")
print(sys.getrefcount(leaf))


# more shapes: functions with finally, raise ... from in a clause, nested except*, generators, with
def f(kind):
    try:
        if kind == 0:
            return "no exception"
        raise ExceptionGroup("g", [ValueError(kind), TypeError(kind)])
    except* ValueError as v:
        print("v", repr(v))
    except* TypeError as t:
        print("t", repr(t))
        if kind == 2:
            raise KeyError("in t") from t
    finally:
        print("finally", kind)
    return "end"


print(f(0))
print(f(1))
try:
    f(2)
except KeyError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

# nested except* inside an except* body
try:
    raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
except* ValueError as v:
    try:
        raise ExceptionGroup("inner", [OSError(3)])
    except* OSError as o:
        print("inner", repr(o), repr(o.__context__))
    print("handled", repr(v))
except* TypeError:
    print("type")

# an error in a clause's type expression
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* undefined_name:
        pass
except NameError as n:
    print("NameError", n, repr(n.__context__))

# generator with except*
def gen():
    try:
        yield 1
        raise ExceptionGroup("in gen", [ValueError(1)])
    except* ValueError as e:
        yield repr(e)


print(list(gen()))

# raise inside else of try/except*
try:
    try:
        pass
    except* ValueError:
        pass
    else:
        raise RuntimeError("from else")
except RuntimeError as r:
    print(repr(r), r.__context__)

# multiple raised in different clauses
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError(1)
    except* TypeError:
        raise KeyError(2)
except* KeyError as k:
    print(repr(k))
except* OSError as o:
    print(repr(o))

# with statement swallowing inside except*


class Swallow:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return True


try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as e:
    with Swallow():
        raise e
print("after swallow")
# refcounts of a group matched whole, and of its member
v = ValueError("v")
g = ExceptionGroup("g", [v])
try:
    raise g
except* ValueError as m:
    print(m is g, sys.getrefcount(g), sys.getrefcount(m), sys.getrefcount(v))
print(sys.getrefcount(g), sys.getrefcount(v))

# an error in a clause's class expression has the exception being matched as its context
try:
    try:
        raise ValueError(1)
    except undefined_name:
        pass
except NameError as n:
    print(repr(n.__context__))
try:
    try:
        raise ValueError(1)
    except* 5:
        pass
except TypeError as n:
    print(repr(n), repr(n.__context__))
