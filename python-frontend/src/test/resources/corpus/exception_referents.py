# gc.get_referents of exceptions lists what tp_traverse visits, in CPython's order: a subclass's own fields
# and its class first, then BaseException's dict, args, notes, traceback, cause and context.
import gc
e = ValueError('a')
e.__context__ = KeyError('c')
e.__cause__ = TypeError('d')
e.x = 1
try:
    raise e
except ValueError:
    pass
print([type(r).__name__ for r in gc.get_referents(e)])
g = ExceptionGroup('m', [e])
print([type(r).__name__ for r in gc.get_referents(g)])
s = StopIteration(5)
print([type(r).__name__ for r in gc.get_referents(s)])
class E(Exception):
    __slots__ = ('a',)
x = E(1); x.a = [1]; x.b = 2
print([type(r).__name__ for r in gc.get_referents(x)])
