# The attributes of BaseException and its subclasses behave as CPython's descriptors: what may be assigned,
# what may not, what deleting says; and the methods are reachable on the classes.
e = Exception(1)
print(e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__, e.args)
for name, value in [('__traceback__', 1), ('__context__', 1), ('__cause__', 'x'), ('__suppress_context__', 0),
                    ('args', 5), ('__suppress_context__', True), ('args', 'ab')]:
    try:
        setattr(e, name, value)
        print(name, getattr(e, name))
    except TypeError as x:
        print(name, type(x).__name__, x)
for name in ['args', '__traceback__', '__context__', '__cause__', '__suppress_context__', '__dict__']:
    try:
        delattr(e, name)
        print('deleted', name)
    except TypeError as x:
        print(type(x).__name__, x)

e = Exception()
print(e.__suppress_context__)
e.__cause__ = ValueError('cause')
print(e.__suppress_context__, repr(e.__cause__))
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__context__ = KeyError('ctx')
print(repr(e.__context__))
e.__context__ = None
print(e.__context__)
e.__traceback__ = None
print(e.__traceback__)

print('with_traceback')
try:
    raise ValueError('v')
except ValueError as caught:
    tb = caught.__traceback__
e = Exception()
print(e.with_traceback(tb) is e, e.__traceback__ is tb, e.__traceback__.tb_lineno)
print(BaseException.with_traceback(e, None) is e, e.__traceback__)
try:
    e.with_traceback(3)
except TypeError as x:
    print(x)

print('add_note on the class')
BaseException.add_note(e, 'one')
ValueError.add_note(e, 'two')
e.add_note('three')
print(e.__notes__, e.__dict__)
for bad in [lambda: BaseException.add_note(1, 'n'), lambda: e.add_note(5)]:
    try:
        bad()
    except TypeError as x:
        print(x)
e.__notes__ = ('a tuple',)
try:
    e.add_note('four')
except TypeError as x:
    print(x)
del e.__notes__
e.add_note('five')
print(e.__notes__)

print('groups')
g = ExceptionGroup('m', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(ExceptionGroup.split(g, ValueError)))
print(repr(BaseExceptionGroup.subgroup(g, TypeError)))
print(repr(BaseExceptionGroup.derive(g, [KeyError(4)])))
try:
    BaseExceptionGroup.split(ValueError(), ValueError)
except TypeError as x:
    print(x)
for name in ['message', 'exceptions']:
    try:
        setattr(g, name, 'x')
    except AttributeError as x:
        print(name, x)
    try:
        delattr(g, name)
    except AttributeError as x:
        print(name, x)
g.extra = 1
print(g.__dict__)

print('StopIteration and SystemExit')
s = StopIteration()
print(s.value, s.args)
s = StopIteration(5, 6)
print(s.value, s.args, s.__dict__)
s.value = 7
print(s.value, s.args)
del s.value
print(s.value)


class Stop(StopIteration):
    def __init__(self, x):
        self.x = x


s = Stop(9)
print(s.value, s.args, s.x)
print(SystemExit().code, SystemExit(3).code, SystemExit(1, 2).code, SystemExit(None).code)
x = SystemExit(4)
x.code = 'bye'
print(x.code, x.args)
del x.code
print(x.code)
k = KeyError('k')
k.value = 'not a field'
k.code = 'nor this'
print(k.value, k.code, k.__dict__)


def gen():
    yield 1
    return 'done'


it = gen()
next(it)
try:
    next(it)
except StopIteration as stop:
    print(stop.value, stop.args)
