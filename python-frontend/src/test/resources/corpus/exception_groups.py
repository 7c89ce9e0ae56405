# BaseExceptionGroup and ExceptionGroup (PEP 654): construction and CPython's checks and messages, message,
# exceptions (a tuple), str/repr, derive, subgroup and split by class, tuple of classes or predicate, with the
# traceback, cause, context and notes the parts keep; gc tracking, refcounts and a group in a cycle.
import gc
import sys

print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

v1, t1, k1 = ValueError(1), TypeError("two"), KeyError("k")
eg = ExceptionGroup("many", [v1, t1, k1])
print(repr(eg))
print(str(eg))
print(eg.message, eg.exceptions, type(eg.exceptions).__name__)
print(eg.args)
print(eg.exceptions[0] is v1)
print(str(ExceptionGroup("one", (ValueError(),))))
for attr in ("message", "exceptions"):
    try:
        setattr(eg, attr, "changed")
    except AttributeError as e:
        print("set", attr, "AttributeError:", e)
    try:
        delattr(eg, attr)
    except AttributeError as e:
        print("del", attr, "AttributeError:", e)
print(eg.message, len(eg.exceptions))

# BaseExceptionGroup becomes ExceptionGroup when everything nested is an Exception
b = BaseExceptionGroup("all exceptions", [ValueError()])
print(type(b).__name__, isinstance(b, Exception))
b = BaseExceptionGroup("with a base exception", [ValueError(), KeyboardInterrupt()])
print(type(b).__name__, isinstance(b, Exception), isinstance(b, BaseExceptionGroup))

bad_calls = [
    lambda: BaseExceptionGroup(),
    lambda: ExceptionGroup("only message"),
    lambda: ExceptionGroup(1, [ValueError()]),
    lambda: ExceptionGroup("m", {ValueError()}),
    lambda: ExceptionGroup("m", []),
    lambda: ExceptionGroup("m", ()),
    lambda: ExceptionGroup("m", [1]),
    lambda: ExceptionGroup("m", [ValueError(), "x"]),
    lambda: ExceptionGroup("m", [ValueError, TypeError]),
    lambda: ExceptionGroup("m", [KeyboardInterrupt()]),
    lambda: ExceptionGroup("m", [ValueError(), SystemExit(2)]),
    lambda: ExceptionGroup("m", None),
    lambda: ExceptionGroup("m", [ValueError()], x=1),
    lambda: ExceptionGroup("m", x=1),
    lambda: ValueError(1, x=1),
]
for call in bad_calls:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class MyGroup(ExceptionGroup):
    pass


class MyBaseGroup(BaseExceptionGroup):
    pass


try:
    MyGroup("m", [GeneratorExit()])
except TypeError as e:
    print("TypeError:", e)
print(type(MyBaseGroup("m", [GeneratorExit()])).__name__, type(MyBaseGroup("m", [ValueError()])).__name__)


class Extra(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self

    def __init__(self, message, excs, extra):
        super().__init__(message, excs)


x = Extra("with extra", [ValueError()], extra=7)
print(repr(x), x.extra, x.args, repr(x.derive([TypeError()])))


# PEP 654's pattern: __new__ takes an extra argument (BaseException.__init__ still sets args), derive keeps it
class ErrGroup(ExceptionGroup):
    def __new__(cls, message, excs, errcode):
        obj = super().__new__(cls, message, excs)
        obj.errcode = errcode
        return obj

    def derive(self, excs):
        return ErrGroup(self.message, excs, self.errcode)


eg42 = ErrGroup("coded", [ValueError(1), TypeError(2)], 42)
print(repr(eg42), eg42.args, eg42.errcode)
print(eg42.split(ValueError))


class Coded(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


c = Coded("with a code", 3)
print(c.args, c.code, str(c), repr(ExceptionGroup("coded", [c])))
mg = MyGroup("mine", [ValueError(5)])
print(repr(mg), str(mg), isinstance(mg, ExceptionGroup))

# derive keeps the message; the class follows what is nested
d = eg.derive([TypeError(9)])
print(repr(d), type(d).__name__, d.__traceback__, d.__notes__ if hasattr(d, "__notes__") else "no notes")
print(type(eg.derive([KeyboardInterrupt()])).__name__)
print(type(mg.derive([ValueError()])).__name__)

# subgroup and split, nested groups keep their structure
inner = ExceptionGroup("inner", [TypeError(3), ValueError(4)])
nested = ExceptionGroup("outer", [ValueError(1), inner, KeyError("k")])
print(repr(nested.subgroup(ValueError)))
print(repr(nested.subgroup(TypeError)))
print(nested.subgroup(OSError))
print(nested.subgroup(Exception) is nested)
print(nested.subgroup(ExceptionGroup) is nested)
print(repr(nested.subgroup((KeyError, TypeError))))
print(repr(nested.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
match, rest = nested.split(ValueError)
print(repr(match))
print(repr(rest))
print(match.exceptions[0] is nested.exceptions[0], match.exceptions[1].exceptions[0] is inner.exceptions[1])
print(nested.split(OSError)[0], repr(nested.split(OSError)[1]))
print(nested.split(BaseException)[0] is nested, nested.split(BaseException)[1])
for condition in (3, "ValueError", (ValueError, 1), ValueError(), int):
    try:
        nested.split(condition)
    except TypeError as e:
        print("TypeError:", e)
calls = []
nested.split(lambda e: calls.append(type(e).__name__))
print(calls)

# the parts carry the group's traceback, cause, context and a copy of its notes
try:
    try:
        raise KeyError("cause")
    except KeyError as c:
        raise ExceptionGroup("raised", [ValueError(1), TypeError(2)]) from c
except ExceptionGroup as g:
    g.add_note("a note")
    m, r = g.split(ValueError)
    print(m.__traceback__ is g.__traceback__, m.__cause__ is g.__cause__, m.__context__ is g.__context__)
    print(m.__notes__, m.__notes__ is g.__notes__, r.__notes__, r.__suppress_context__)


# derive overridden: split and subgroup build the parts with it
class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged("tagged " + self.message, excs)


tg = Tagged("t", [ValueError(1), TypeError(2)])
print(repr(tg.subgroup(ValueError)), type(tg.split(TypeError)[1]).__name__)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return ValueError("not a group")


try:
    BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)

# memory: groups are gc-tracked containers; the tuple of exceptions holds its members
leaf = ValueError("leaf")
before = sys.getrefcount(leaf)
g = ExceptionGroup("g", [leaf])
print(gc.is_tracked(g), gc.is_tracked(g.exceptions), sys.getrefcount(leaf) - before)
del g
print(sys.getrefcount(leaf) - before)

# a group in a reference cycle is found by the collector, also the subgroup an except* clause made


class Watched(ExceptionGroup):
    def __del__(self):
        print("collected", self.message, type(self).__name__)

    def derive(self, excs):
        return Watched("part of " + self.message, excs)


gc.collect()
cyc = Watched("cycle", [ValueError("v")])
cyc.exceptions[0].group = cyc
cyc.self = cyc
del cyc
print("collecting")
print(gc.collect() > 0)
try:
    raise Watched("raised", [TypeError(1), ValueError(2)])
except* TypeError as eg:
    eg.exceptions[0].ref = eg
except* ValueError:
    pass
print("collecting")
print(gc.collect() > 0)
print("done")
