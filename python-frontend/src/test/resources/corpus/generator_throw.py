# generator.throw(): the exception is raised where the generator waits; what it yields next is throw()'s value,
# an exception it does not catch comes out; yield from hands it to the inner generator first. Wrong argument
# counts to send, close and throw are CPython's TypeErrors.
def g():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
    yield 3
x = g()
print(next(x))
print(x.throw(ValueError("boom")))
print(next(x))
try:
    x.throw(KeyError)
except KeyError as e:
    print("propagated", repr(e))
try:
    x.throw(KeyError)
except KeyError as e:
    print("after end", repr(e))
y = g()
try:
    y.throw(TypeError("early"))
except TypeError as e:
    print("unstarted", e)
print(next(y, "done"))
def inner():
    try:
        yield "i1"
    except ValueError:
        yield "inner handled"
    return "ret"
def outer():
    r = yield from inner()
    yield r
z = outer()
print(next(z), z.throw(ValueError), next(z))
for call in [lambda: g().send(), lambda: g().close(1), lambda: g().throw()]:
    try:
        call()
    except TypeError as e:
        print(e)
def stopper():
    yield 1
s = stopper()
next(s)
try:
    s.throw(StopIteration)
except RuntimeError as e:
    print(e)
async def co():
    return 1
c = co()
try:
    c.throw(ValueError("into coroutine"))
except ValueError as e:
    print(e)
