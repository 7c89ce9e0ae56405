"""Functions to call when the interpreter exits: after the program (and its uncaught exception's traceback),
before its modules are torn down, last registered first. An exception a function raises is printed as
CPython prints it and the others still run."""
import sys

_callbacks = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            import traceback
            if sys.version_info >= (3, 13):
                print("Exception ignored in atexit callback %r:" % (func,), file=sys.stderr)
            else:
                print("Exception ignored in atexit callback: %r" % (func,), file=sys.stderr)
            # the callback's own frames: this function's entry is left out, as CPython calls it from C
            traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next, file=sys.stderr)
