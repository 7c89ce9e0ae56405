# Exceptions laid out as CPython's PyBaseExceptionObject: the size of each struct, the __dict__ made on
# first use (a plain dict, separate from the fields), and what the collector counts for cycles through them.
import gc
import sys


class Plain(Exception):
    pass


class Slotted(Exception):
    __slots__ = ('a', 'b')


class Group(ExceptionGroup):
    pass


class Stop(StopIteration):
    pass


print('sizes')
print(sys.getsizeof(BaseException()), sys.getsizeof(Exception(1, 2, 3)), sys.getsizeof(ValueError('x')))
print(sys.getsizeof(Plain()), sys.getsizeof(Slotted()), sys.getsizeof(Stop(1)))
print(sys.getsizeof(StopIteration(1)), sys.getsizeof(SystemExit(2)), sys.getsizeof(KeyError('k')))
print(sys.getsizeof(AttributeError()), sys.getsizeof(NameError()), sys.getsizeof(UnboundLocalError()))
print(sys.getsizeof(ImportError()), sys.getsizeof(ModuleNotFoundError()), sys.getsizeof(OSError()))
print(sys.getsizeof(BaseExceptionGroup('m', [KeyboardInterrupt()])))
print(sys.getsizeof(ExceptionGroup('m', [ValueError()])), sys.getsizeof(Group('m', [ValueError()])))

print('the __dict__')
e = ValueError('v')
print(e.__dict__, sys.getsizeof(e.__dict__))
e.x = 1
print(e.__dict__, sys.getsizeof(e.__dict__), sys.getsizeof(e))
e.add_note('a note')
print(e.__dict__)
g = ExceptionGroup('msg', [e])
print(g.__dict__, g.message, g.exceptions, g.args)
s = Slotted()
s.a = 1
s.c = 3
print(s.a, s.__dict__)

print('refcounts')

e = Exception("shared")
print(sys.getrefcount(e), sys.getrefcount(e.args))
d = e.__dict__
print(sys.getrefcount(d))
del d
t = (1, 2)
e.args = t
print(e.args is t, sys.getrefcount(t))
e.args = [3, 4]
print(e.args, type(e.args).__name__)

print('collection')
gc.collect()
e = Exception()
e.me = e
del e
print(gc.collect())
e = Exception()
e.args = (e,)
del e
print(gc.collect())
e = Exception()
e.__context__ = e
del e
print(gc.collect())
a = ValueError()
b = TypeError()
a.__cause__ = b
b.__context__ = a
del a, b
print(gc.collect())
p = Plain()
p.me = p
del p
print(gc.collect())
s = Stop()
s.value = s
del s
print(gc.collect())
g = ExceptionGroup('m', [ValueError()])
g.exceptions[0].__context__ = g
del g
print(gc.collect())


def fail():
    raise KeyError('k')


try:
    fail()
except KeyError as caught:
    kept = caught
print(gc.collect())
kept.frame_ref = kept.__traceback__
del kept
print(gc.collect())
