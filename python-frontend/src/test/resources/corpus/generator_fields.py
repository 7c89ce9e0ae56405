# A generator's and a coroutine's own fields: the frame (None once finished; a suspended frame has no caller),
# the code object (the frame's f_code), running and suspended states, __name__ and __qualname__.
import sys
def g():
    yield sys._getframe().f_back.f_code.co_name
    yield 2
x = g()
print(x.gi_frame is not None, x.gi_code.co_name, x.gi_running, x.gi_suspended if sys.version_info >= (3, 11) else None)
print(next(x), x.gi_frame.f_lineno, x.gi_frame.f_code is x.gi_code, x.gi_suspended)
print(sorted(x.gi_frame.f_locals))
list(x)
print(x.gi_frame, x.gi_suspended, x.gi_running)
print(x.__name__, x.__qualname__)
y = g()
next(y)
print(y.gi_frame.f_back, y.gi_running)
async def co():
    return 1
c = co()
print(c.cr_code.co_name, c.cr_running, c.cr_frame is not None, c.cr_suspended, c.__qualname__)
c.close()
print(c.cr_frame)
