# A Python function called with keywords it does not take: qualified names in the messages, positional-only
# parameters passed by keyword, and 3.13's suggestion of a close parameter name. locals() and vars().
def f(sep=1, maxsplit=2): pass
for call in [lambda: f(sepx=2), lambda: f(zzz=1), lambda: f(Sep=1), lambda: f(maxspit=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
class C:
    def m(self, a): pass
try:
    C().m(b=1)
except TypeError as e:
    print(e)
def outer():
    def inner(x, /, y): pass
    return inner
try:
    outer()(1, y=2, xx=3)
except TypeError as e:
    print(e)
try:
    outer()(1, 2, x=3)
except TypeError as e:
    print(e)
def g(x, y): pass
def h(x, /, y): pass
def k(*, xa): pass
def q(x, y, *args, xz=1): pass
for c in [lambda: g(1, xx=2), lambda: h(1, xx=2), lambda: k(xb=1), lambda: q(1, 2, xx=1), lambda: g(1, 2, yy=3)]:
    try: c()
    except TypeError as e: print(e)
def f(a, b=2):
    c = a + b
    d = locals()
    return sorted(d), sorted(vars())
print(f(1))
class K:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
print("f" in locals(), "f" in vars(), locals() is globals())
try:
    vars(1, 2)
except TypeError as e:
    print(e)
def kwsink(a, /, **kw):
    return a, kw
print(kwsink(1, a=2))
def two(a, b, /): pass
try:
    two(a=1, b=2)
except TypeError as e:
    print(e)
class D:
    def need(self, p, *, q): pass
for c in [lambda: D().need(), lambda: D().need(1), lambda: D().need(1, 2), lambda: D().need(1, q=1, p=2)]:
    try:
        c()
    except TypeError as e:
        print(e)
