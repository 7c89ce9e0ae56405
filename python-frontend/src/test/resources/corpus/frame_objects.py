# Frame objects: an exception keeps the frames it passed through, and their locals, until it dies; a stored
# exception in one of those locals makes a cycle gc.collect() finds (the exception, two tracebacks, two
# frames and what only they held). sys._getframe and f_back walk the running frames; a frame holds its
# function while it runs, a generator's as long as the generator lives; frame.clear() lets a returned frame's
# locals go. f_locals is a dict the frame keeps on 3.11 and 3.12 (holding a reference to each local).
import gc, sys

class Payload:
    pass

def raiser(o):
    held = [o]
    raise ValueError("boom")

def catcher():
    o = Payload()
    try:
        raiser(o)
    except ValueError as e:
        err = e
    print("in catcher, after the handler:", sys.getrefcount(o))
    return err

gc.disable()
gc.collect()
e = catcher()
tb = e.__traceback__
print(type(tb).__name__, type(tb.tb_frame).__name__, tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
print(tb.tb_next.tb_next, tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_frame.f_lineno, tb.tb_next.tb_frame.f_lineno)
print(tb.tb_frame.f_back is sys._getframe(), tb.tb_next.tb_frame.f_back is tb.tb_frame)
print(sorted(tb.tb_frame.f_locals), sorted(tb.tb_next.tb_frame.f_locals))
o = tb.tb_next.tb_frame.f_locals["o"]
print("payload kept by the frames:", sys.getrefcount(o))
print(gc.is_tracked(tb.tb_frame), gc.is_tracked(sys._getframe()))
del o, tb
print("collected while e lives:", gc.collect())
del e
print("collected after del e:", gc.collect())

# the same without the cycle: the frames go with the exception
def quiet():
    o = Payload()
    try:
        raiser(o)
    except ValueError:
        pass
    return o
p = quiet()
print("payload after a handled error:", sys.getrefcount(p))
print("collected:", gc.collect())

# sys._getframe and f_back
def depth2():
    return depth1()
def depth1():
    f = sys._getframe()
    return [f.f_code.co_name, f.f_back.f_code.co_name, sys._getframe(1).f_code.co_name,
            sys._getframe(2).f_code.co_name, f.f_back.f_back.f_back]
print(depth2())
try:
    sys._getframe(100)
except ValueError as exc:
    print("ValueError:", exc)
try:
    sys._getframe("x")
except TypeError as exc:
    print("TypeError:", exc)
here = sys._getframe()
print(here.f_code.co_name, here.f_globals is globals(), here.f_locals is globals(), here.f_back)

# code objects
def sample(a, b, /, c, *, d, **kw):
    x = 1
    return sys._getframe().f_code
co = sample(1, 2, 3, d=4)
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames)
print(co.co_firstlineno, co.co_filename.endswith("frame_objects.py"), co is sample(1, 2, 3, d=4))

# a running frame holds its function; a generator's frame too
def running():
    return sys.getrefcount(running)
print("function while it runs:", running())
def gen():
    yield 1
print("no generator:", sys.getrefcount(gen))
g1 = gen()
g2 = gen()
print("two generators:", sys.getrefcount(gen))
del g1, g2
print("none again:", sys.getrefcount(gen))

# frame.clear()
def keep():
    big = Payload()
    return sys._getframe(), big
fr, big = keep()
print("before clear:", sys.getrefcount(big))
fr.clear()
print("after clear:", sys.getrefcount(big), sorted(fr.f_locals))
try:
    sys._getframe().clear()
except RuntimeError as exc:
    print("RuntimeError:", exc)

# a comprehension's error: 3.11 runs it in a frame of its own
def comp():
    return [1 // x for x in (1, 0)]
try:
    comp()
except ZeroDivisionError as exc:
    t = exc.__traceback__
    names = []
    while t is not None:
        names.append(t.tb_frame.f_code.co_name)
        t = t.tb_next
    print(names)
