# yield from delegates: the values sent in reach the inner generator, its return value is the expression's
# value (None for a plain iterator), and closing the outer generator closes the inner one first.
def inner():
    got = yield 1
    print("inner got", got)
    got2 = yield 2
    print("inner got", got2)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from [10, 11]
    print("list gives", r2)
    return "outer result"
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def closer():
    try:
        yield 1
    finally:
        print("inner closed")
def delegating():
    try:
        yield from closer()
    finally:
        print("outer closed")
d = delegating()
next(d)
d.close()
def counter():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def run():
    result = yield from counter()
    return result * 2
r = run()
next(r)
r.send(5)
r.send(7)
try:
    r.send(None)
except StopIteration as e:
    print("run returned", e.value)
