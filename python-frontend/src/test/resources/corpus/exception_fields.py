# AttributeError, NameError and ImportError keep their fields as CPython's: a failed attribute lookup gives the
# error the name and the object (which it then keeps alive), a missing name its name, and their constructors
# take those as keywords.
import sys
class C: pass
c = C()
try:
    c.missing
except AttributeError as e:
    print(e.name, e.obj is c, e.args, e.__dict__)
try:
    (1).nope
except AttributeError as e:
    print(e.name, e.obj, e.args)
try:
    getattr(c, 'other')
except AttributeError as e:
    print(e.name, e.obj is c)
try:
    C.nothing
except AttributeError as e:
    print(e.name, e.obj)
try:
    undefined_x
except NameError as e:
    print(e.name, e.args)
def f():
    print(local_y)
    local_y = 1
try:
    f()
except UnboundLocalError as e:
    print(e.name, e.args)
e = AttributeError('m', name='n', obj=3)
print(e.name, e.obj, e.args, AttributeError().name, AttributeError().obj)
try: AttributeError(x=1)
except TypeError as x: print(x)
n = NameError('q', name='z'); print(n.name, NameError().name)
i = ImportError('msg', name='mod', path='/p'); print(i.msg, i.name, i.path, i.args, str(i), ImportError().msg)
i = ImportError(); print(i.msg, i.name, i.path)
try: ImportError(bad=1)
except TypeError as x: print(x)
e.name = 'other'; e.obj = None; print(e.name, e.obj)
try:
    import nosuchmodule
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg)

import gc


class Holder:
    def fail(self):
        try:
            self.nothing_here
        except AttributeError as e:
            self.error = e.with_traceback(None)  # no traceback: the frontend's hold no frames


gc.collect()
h = Holder()
before = sys.getrefcount(h)
h.fail()
print(sys.getrefcount(h) - before, h.error.obj is h, h.error.name)
del h
print(gc.collect())
try:
    [].nope()
except AttributeError as e:
    print(e.name, e.obj)


class Dynamic:
    def __getattr__(self, name):
        raise AttributeError(f'no {name} here')


d = Dynamic()
try:
    d.thing
except AttributeError as e:
    print(e.name, e.obj is d)
try:
    d.other
except AttributeError as e:
    e2 = e
print(e2.name, sys.getsizeof(e2), sys.getsizeof(NameError('x')), sys.getsizeof(ImportError('y')))
