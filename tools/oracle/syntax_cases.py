#!/usr/bin/env python3
"""PyMem Lab syntax oracle for the python-frontend parser.

Run under CPython 3.13 (stdlib only):

    PYENV_VERSION=3.13.0 python3 tools/oracle/syntax_cases.py

It writes python-frontend/src/test/resources/syntax/cpython-3.13.json:

  {"python": "3.13.0",
   "valid":   [{"src": ..., "dump": ast.dump(ast.parse(src))}, ...],
   "invalid": [{"src": ..., "check": "all"|"msg"|"line",
                "type": "SyntaxError"|"IndentationError"|"TabError",
                "msg": ..., "lineno": ..., "offset": ..., "end_lineno": ..., "end_offset": ...}, ...]}

"check" says how much of the error the Java test (CpythonOracleTest) compares: type and line
always; "msg" adds the message; "all" adds the column (offset).  The invalid cases of COMPILE_INVALID
are errors of CPython's compiler (compile()), the others of its parser (ast.parse).  Everything else was produced by
CPython here; nothing is typed by hand.  The output is byte-identical from run to run.
"""
import ast
import json
import os
import sys

if sys.version_info[:2] != (3, 13):
    sys.exit("syntax_cases.py: run me under CPython 3.13 (PYENV_VERSION=3.13.0), not %s" % sys.version)

VALID = [
    # literals
    "0", "42", "1_000_000", "0x1F", "0XdeadBEEF", "0o17", "0O7_7", "0b1010", "0B1_0", "00", "0_0",
    "123456789012345678901234567890", "1.5", "1.", ".5", "1e10", "1E-5", "1.5e+3", "1_0.2_5", "0.0001",
    "0.00001", "1e16", "1e15", "1e400", "3.141592653589793", "0e0",
    "'abc'", '"abc"', "'it\\'s'", '"say \\"hi\\""', "'''triple\nquoted'''", '"""doc"""',
    "r'raw\\n'", "R'\\d+'", "b'bytes'", "B'x'", "rb'\\x00'", "Br'a'", "bR'\\\\'", "u'unicode'",
    "'\\n\\t\\r\\\\\\a\\b\\f\\v'", "'\\x41\\101\\u00e9\\U0001F600'", "'\\N{BULLET}'", "'\\0'", "'\\777'",
    "b'\\x00\\xff\\n\\101'", "'a' 'b' 'c'", "b'a' b'b'", "'é ü 中文'", "'\\q'", "'line\\\ncont'",
    "'\"'", '"\'"', "'\\'\"'", "''", '""', "b''", "'\\x7f\\x80'", "'\\u200b'",
    "True", "False", "None", "...",
    # names and operators
    "x", "_private", "café", "αβγ", "x1_y2",
    "a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** b", "a @ b", "a << b", "a >> b",
    "a & b", "a | b", "a ^ b", "-a", "+a", "~a", "not a", "--a", "-~+a", "not not a",
    "a + b * c", "(a + b) * c", "a - b - c", "a ** b ** c", "-a ** b", "a ** -b", "2 ** -1 ** 2",
    "-2 ** -3 ** -4", "a * b // c % d @ e", "a | b ^ c & d << e + f * g", "a << b >> c",
    "a and b", "a or b", "a and b or c and d", "a or b or c", "not a and not b", "a and (b or c)",
    "a < b", "a <= b > c >= d == e != f", "a is b", "a is not b", "a in b", "a not in b",
    "not a == b", "a < b < c", "not a in b", "a == b is c",
    "a if b else c", "a if b else c if d else e", "(a if b else c) if d else e", "lambda: 0",
    "lambda x: x + 1", "lambda x, y=2, *a, k, m=3, **kw: x", "lambda *, k: k", "lambda x, /, y: x",
    "lambda *a: a", "lambda **k: k", "lambda: lambda: 1",
    "(x := 5)", "y = (x := 5) + 1", "[y := f(x), y**2]", "f(x := 1)", "a[x := 1]", "while (n := n - 1): pass",
    # containers
    "[]", "[1, 2, 3]", "[1,]", "()", "(1,)", "(1, 2)", "1, 2", "{}", "{1: 2, 'a': b}", "{1, 2}", "{**a, 'b': 1, **c}",
    "[*a, *b]", "(*a, b)", "{*a, 1}", "[[1, 2], [3, [4]]]", "{'a': {'b': {}}}",
    "[x for x in y]", "[x for x in y if x if not z]", "[x * y for x in a for y in b if x != y]",
    "{x for x in y}", "{k: v for k, v in d.items()}", "(x for x in y)", "[(a, b) for a, b in zip(c, d)]",
    "[x for x, in y]", "[x for *a, b in y]", "[[y for y in x] for x in z]", "sum(x for x in y)",
    "[i for i in range(10) if i % 2 if i > 3]", "(x for x in range(3) for y in range(x))",
    # calls, attributes, subscripts
    "f()", "f(a)", "f(a, b)", "f(a, b=1)", "f(*a)", "f(**k)", "f(a, *b, c=1, **d)", "f(*a, *b, **c, **d)",
    "f(a)(b)(c)", "f(a=1, *b)", "f(x for x in y)", "f(a,)", "f(*a, b)", "obj.attr", "obj.a.b.c", "obj.m(1).n",
    "a[0]", "a[-1]", "a[1:2]", "a[:]", "a[::]", "a[1:]", "a[:2]", "a[::2]", "a[1:2:3]", "a[::-1]",
    "a[1, 2]", "a[1:2, 3]", "a[:, None]", "a[b][c]", "a[()]", "a[(1, 2)]", "a[*b]", "a[1,]", "a.b[c].d(e)[f]",
    "print('hello', end='')", "x.y = f(z)[0]",
    # f-strings
    "f''", "f'abc'", "f'{x}'", "f'a{x}b{y}c'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'",
    "f'{x:{w}.{p}f}'", "f'{x=}'", "f'{x = }'", "f'{x=!s}'", "f'{x=:>5}'", "f'{x!r:^20}'", "f'{{}}'",
    "f'{{x}}'", "f'{x}{y}'", "f'{a[\"k\"]}'", "f'{a[1]:{b}}'", "f'{3.14:.2f}'", "f'{x:#x} {y:08b}'",
    "f'{\"nested\"}'", "f'{f\"{x}\"}'", "'a' f'{b}' 'c'", "f'{x}' f'{y}'", "rf'\\d{x}'", "f'\\n{x}\\t'",
    "f'''multi\n{x}\nline'''", "f'{x,y}'", "f'{x if y else z}'", "f'{(lambda: 1)()}'", "f'{d[\"a\"]!r:>{w}}'",
    "f'{x:}'", "f'{ x }'", "f'{x:{y}}'", "F'{x}'", "f'{x}' 'y' f'{z}'", "f'{a}{b}' ''",
    # statements
    "x = 1", "x = y = z = 0", "a, b = b, a", "a, *b = c", "[a, b] = c", "(a, b) = c", "x.y = 1", "x[0] = 1",
    "x[1:2] = y", "a, (b, c) = d", "*a, b = c", "x += 1", "x -= 1", "x *= 2", "x /= 2", "x //= 2", "x %= 2",
    "x **= 2", "x @= m", "x <<= 1", "x >>= 1", "x &= 1", "x |= 1", "x ^= 1", "x.y += 1", "x[0] -= 1",
    "x: int", "x: int = 1", "(x): int = 1", "x.y: int", "x[0]: int = 2", "x = yield", "x = yield y",
    "del x", "del x, y", "del x.y, z[0]", "del (a, b)", "del [a, b]", "del a,",
    "pass", "return", "return x", "return x, y", "return *a, b",
    "import os", "import os.path", "import a.b.c as d", "import a, b as c",
    "from os import path", "from os import path as p, sep", "from . import x", "from .. import y",
    "from .mod import z", "from ...pkg.mod import (a, b as c,)", "from x import *",
    "global x", "global x, y", "raise", "raise E", "raise E('m')", "raise E from e",
    "assert x", "assert x, 'msg'", "x; y; z", "x;",
    "if x:\n    pass", "if x:\n    a\nelif y:\n    b\nelse:\n    c", "if x: a\nelse: b",
    "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass",
    "while x:\n    break\nelse:\n    continue",
    "for x in y:\n    pass", "for x, y in z:\n    pass\nelse:\n    pass", "for x in 1, 2, 3: pass",
    "for (a, b), c in d: pass", "for [a, b] in c: pass", "for x.y in z: pass", "for x[0] in z: pass",
    "for *a, b in c: pass",
    "try:\n    pass\nexcept:\n    pass", "try:\n    pass\nexcept E:\n    pass",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nfinally:\n    pass",
    "with a: pass", "with a as b: pass", "with a as b, c as d: pass", "with a, b: pass",
    "with (a as b, c as d): pass", "with (a, b): pass", "with (a): pass", "with a as (b, c): pass",
    "with open(f) as fh:\n    data = fh.read()", "with (yield): pass",
    "def f(): pass", "def f(a, b): return a", "def f(a, b=1, *args, c, d=2, **kw): pass",
    "def f(a, /, b, *, c): pass", "def f(*, a=1): pass", "def f(a: int, b: 'str' = 'x') -> bool: pass",
    "def f(*args: int, **kw: str): pass", "def f(a=1, /, b=2): pass",
    "def f():\n    '''doc'''\n    x = 1\n    return x",
    "def g():\n    yield\n    yield 1\n    x = yield 2\n    yield from h()",
    "def f():\n    def g():\n        nonlocal x\n        x = 1\n    return g",
    "class A: pass", "class A(B): pass", "class A(B, C): pass", "class A(B, metaclass=M): pass",
    "class A():\n    x = 1\n    def m(self):\n        return self.x",
    "@dec\ndef f(): pass", "@a.b\ndef f(): pass", "@a(1)\n@b\nclass C: pass", "@property\ndef x(self): pass",
    "@staticmethod\ndef s(): pass", "@a.b(c=1).d\ndef f(): pass",
    # layout
    "x = (1 +\n     2)", "x = [\n    1,\n    2,\n]", "x = 1 + \\\n    2", "if x:\n\tpass", "if x:\n  # c\n  pass",
    "# only a comment", "", "\n\n", "x = 1  # trailing comment", "if x:\n    pass\n\n\n", "if a:\n  if b:\n    c\n  d\ne",
    "x = {\n  'a': 1,  # comment\n  'b': 2\n}", "def f(\n    a,\n    b,\n): pass", "x = 1\r\ny = 2\r\n",
    "if x:\n        a\n        b\nc", "x = '''\n  indented\n'''", "if x:\n    pass\n  # dedented comment\n    pass",
    "match = 1", "match.x = 2", "type = 3", "case = 4", "_ = 5", "print(match, type, case)",
    "1if x else y", "x = 1 if y else 2",
    "if x:\n    a = 1; b = 2\n",
    # except*
    "try:\n    pass\nexcept* E:\n    pass",
    "try:\n    f()\nexcept* (A, B) as e:\n    g(e)\nexcept* C:\n    raise\nelse:\n    x\nfinally:\n    y",
    "for x in y:\n    try:\n        pass\n    except* E:\n        for z in x:\n            break\n        def f():\n            return 1",
]

# Larger, realistic programs: every one must round-trip through AstDump equal to CPython's.
PROGRAMS = [
'''
import gc
import sys


class Node:
    """A node of a doubly linked ring."""

    count = 0

    def __init__(self, value, prev=None):
        self.value = value
        self.prev = prev
        self.next = None
        Node.count += 1

    def link(self, other):
        self.next, other.prev = other, self
        return other

    def __repr__(self):
        return f"Node({self.value!r})"

    @property
    def degree(self):
        return (self.prev is not None) + (self.next is not None)


def make_ring(n):
    first = last = Node(0)
    for i in range(1, n):
        last = last.link(Node(i))
    last.link(first)
    return first


def main():
    rings = [make_ring(10) for _ in range(100)]
    print(len(rings), Node.count, sys.getrefcount(rings[0]))
    del rings
    collected = gc.collect()
    print(f"collected={collected:>6} ok={collected >= 0}")


if __name__ == "__main__":
    main()
''',
'''
def counter(start=0, *, step=1):
    count = start

    def inc(by=None):
        nonlocal count
        count += step if by is None else by
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old

    return inc, reset


def squares(n):
    return {i: i ** 2 for i in range(n) if i % 2 == 0}


def flatten(rows):
    return [x for row in rows for x in row if x is not None]


def pairs(xs):
    return ((a, b) for i, a in enumerate(xs) for b in xs[i + 1:])


inc, reset = counter(10, step=2)
print(inc(), inc(5), reset())
print(squares(7), flatten([[1, None], [2, 3]]), list(pairs([1, 2, 3])))
table = {k: [v * 2 for v in vals] for k, vals in sorted({"a": [1], "b": [2, 3]}.items())}
total = sum(len(v) for v in table.values())
''',
'''
class Resource:
    def __init__(self, name, log):
        self.name, self.log = name, log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None}")
        return False


def work(log, fail=False):
    try:
        with Resource("a", log) as a, Resource("b", log):
            if fail:
                raise ValueError("boom")
            log.append(a.name)
    except (ValueError, KeyError) as e:
        log.append("caught %s" % e)
        return -1
    except Exception:
        raise
    else:
        log.append("no error")
    finally:
        log.append("finally")
    return len(log)


log = []
assert work(log) > 0, "work failed"
assert work(log, fail=True) == -1
i = 0
while True:
    i += 1
    if i > 10:
        break
    elif i % 3 == 0:
        continue
    log.append(i)
else:
    log.append("never")
print(*log, sep="\\n")
''',
'''
import weakref
from collections import OrderedDict as OD


class Cache:
    __slots__ = ("data", "hits", "__weakref__")

    def __init__(self):
        self.data = OD()
        self.hits = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            self.data.move_to_end(key)
            return self.data[key]
        return default

    def put(self, key, value, *, limit=128):
        self.data[key] = value
        while len(self.data) > limit:
            self.data.popitem(last=False)

    @staticmethod
    def describe(obj):
        kind = type(obj).__name__
        return f"{kind:<10}|{id(obj) & 0xFFFF:#06x}|{obj!s:.20}"

    def __len__(self):
        return len(self.data)


c = Cache()
r = weakref.ref(c, lambda ref: print("gone", ref))
for n in range(200):
    c.put(n, [n] * (n % 5), limit=100)
print(len(c), c.get(150), c.get(-1, "miss"), Cache.describe(c))
x = y = None
a, *rest = [1, 2, 3]
b = not a or rest and -a ** 2 < 0 <= len(rest) != 3
matrix = [[i * j for j in range(4)] for i in range(4)]
diag = [row[i] for i, row in enumerate(matrix)][::-1]
s = matrix[1][1:3] + matrix[2][:2]
del c, r
''',
'''
def gen(n):
    for i in range(n):
        received = yield i
        if received:
            yield from range(received)
    return n


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


g = gen(3)
print(next(g), g.send(2), list(g))
f = fib()
first = [next(f) for _ in range(10)]
big = 2 ** 100 - 1
mask = 0b1111_0000 | 0o17 ^ 0xFF & ~0
ratio = 1 / 3 + 2.5e-3 - .5 + 1.
text = "tab\\there" ' and "quotes"' r" raw\\n" + \'\'\'triple
quoted\'\'\'
data = b"\\x00\\x01" + bytes([2, 3])
info = {"big": big, "mask": mask, "ratio": round(ratio, 3), **{"n": len(first)}}
print(f"{big=} {mask:#b} {ratio:.3f} {text!r:.10} {data!a}")
''',
]

INVALID = [
    # tokenizer errors
    ("'abc", "all"), ('"abc\nx = 1', "all"), ("'''abc\n\nx", "all"), ('x = """\nabc', "all"),
    ("'ab\\'", "all"), ("1abc", "all"), ("0x", "all"), ("0xg", "all"), ("0o8", "all"), ("0b2", "all"),
    ("012", "all"), ("1__0", "all"), ("1_", "all"), ("1e", "all"), ("1e+", "all"), ("1.e5x", "all"),
    ("1.__x__", "all"), ("x = $", "all"), ("x = ?", "all"), ("a €", "all"), ("x\xa0= 1", "all"),
    ("a = 1\nb = 2 ` 3", "all"), ("f(", "all"), ("x = (1, 2", "all"), ("x = [\n1,\n2", "all"),
    ("]", "all"), ("x)", "all"), ("(]", "all"), ("(\n]", "all"), ("{)", "all"),
    ("if x:\n  a\n b", "all"), ("if x:\n\ta\n        b", "all"), ("if x:\n        a\n\tb", "all"),
    ("x \\ y", "all"), ("a = 1\nx \\ y", "all"), ("x = \\", "all"),
    ("(" * 201 + ")" * 201, "all"), ("[" * 250, "all"),
    ("if x:\n  pass\n'''\nunterminated", "all"), ("f() = 1\nx = 'oops", "all"), ("x = (\n\nx = 'a' 1", "msg"),
    # indentation
    (" x", "all"), ("x\n  y", "all"), ("if x:\npass", "all"), ("def f():\nreturn", "all"),
    ("class A:\nx = 1", "all"), ("for x in y:\npass", "all"), ("while x:\npass", "all"),
    ("try:\npass", "all"), ("try:\n  pass\nexcept:\npass", "all"), ("try:\n  pass\nfinally:\npass", "all"),
    ("with a:\npass", "all"), ("if x:\n  pass\nelse:\npass", "all"), ("if x:\n  pass\nelif y:\npass", "all"),
    ("def f():\n  return\n   x", "all"), ("if x:", "all"),
    # parser errors
    ("a b", "all"), ("x = 1 2", "all"), ("x := 1", "all"), ("else: pass", "all"), ("x = ", "all"),
    ("x +", "all"), ("1 +* 2", "all"), ("def f: pass", "all"), ("def f() pass", "all"), ("class A\n pass", "all"),
    ("if x\n  pass", "all"), ("while x\n pass", "all"), ("for x in y\n pass", "all"), ("try\n pass", "all"),
    ("with a\n pass", "all"), ("if x pass", "all"), ("try:\n pass\nx", "all"), ("for x y: pass", "all"),
    ("f() = 1", "all"), ("1 = x", "all"), ("x + 1 = 2", "all"), ("None = 1", "all"), ("x = f() = 1", "all"),
    ("(a, f()) = 1", "all"), ("[a, 1] = x", "all"), ("a < b = 1", "all"), ("not a = 1", "all"),
    ("f() += 1", "all"), ("a, b += 1", "all"), ("del f()", "all"), ("del a + b", "all"), ("for f() in x: pass", "all"),
    ("for 1 in x: pass", "all"), ("with a as f(): pass", "all"), ("[x for 1 in y]", "all"),
    ("x = yield = 1", "all"), ("(*a) = 1", "all"), ("(a, b): int", "all"), ("a + 1: int", "all"),
    ("[1 2]", "all"), ("f(a b)", "all"), ("(\n1\n\nx = [", "all"), ("{1: 2 3: 4}", "all"),
    ("print 'x'", "all"), ("print x", "all"), ("if x = 1: pass", "all"), ("[x = 1]", "all"),
    ("f(**a, *b)", "all"), ("f(a=1, b)", "all"), ("f(**a, b)", "all"), ("f(x for x in y, 1)", "all"),
    ("(x for x in y, 1)", "all"), ("[x, y for x in z]", "all"), ("f(a.b=1)", "all"), ("f(True=1)", "all"),
    ("def f(a=1, b): pass", "all"), ("lambda x=1, y: 0", "all"), ("def f(*): pass", "all"),
    ("def f(**k, a): pass", "all"), ("def f(*a=1): pass", "all"), ("def f(/, a): pass", "all"),
    ("from x import a,", "all"), ("import a from b", "all"), ("a if b", "all"), ("x = 1 if 2", "all"),
    ("f(x) = 1", "all"), ("(f(x) := 1)", "all"), ("try:\n pass\nexcept A, B:\n pass", "all"),
    ("x = 1 +", "all"), ("print(1,, 2)", "all"), ("a.1", "all"), ("def (): pass", "all"),
    # f-strings
    ("f'{}'", "all"), ("f'{x'", "all"), ("f'}'", "all"), ("f'{x!z}'", "all"), ("f'{ }'", "all"),
    ("f'{x!}'", "all"), ("f'{x)}'", "all"),
    # string contents
    ("b'\xe9'", "all"), ("'\\x4'", "all"), ("'\\N{NOPE}'", "all"), ("'a' b'b'", "all"), ("'\\u12'", "all"),
    # except*
    ("try:\n pass\nexcept A:\n pass\nexcept* B:\n pass", "all"),
    ("try:\n pass\nexcept* A:\n pass\nexcept B:\n pass", "all"),
    ("try:\n pass\nexcept* A:\n pass\nexcept:\n pass", "all"), ("try:\n pass\nexcept*:\n pass", "all"),
    ("try:\n pass\nexcept* A, B:\n pass", "all"), ("try:\n  pass\nexcept* A:\npass", "all"),
    # unsupported by PyMem Lab (valid Python): CPython parses them, the lab refuses them
]

# async for and async with (the compiler, not the parser, refuses them outside an async function)
VALID += [
    "async def f():\n    async for x in y:\n        pass", "async with a: pass",
    "async def f():\n    async for a, *b in c:\n        yield a\n    else:\n        pass",
    "async def f():\n    async with a as b, c as (d, e):\n        await b",
    "async def f():\n    async with (a as b, c):\n        pass",
]

# Errors CPython's compiler (not its parser) raises; the frontend's parser reports them after parsing.
COMPILE_INVALID = [
    ("for x in y:\n try:\n  pass\n except* A:\n  break", "all"),
    ("for x in y:\n try:\n  pass\n except* A:\n  if x:\n   continue", "all"),
    ("def f():\n try:\n  pass\n except* A:\n  return 1 + 2", "all"),
    ("def f():\n try:\n  pass\n except* A:\n  return", "all"),
    ("while x:\n try:\n  pass\n except* A:\n  for y in z:\n   pass\n  else:\n   break", "all"),
]

# Valid Python that PyMem Lab's frontend refuses on purpose; the Java test checks the refusal.
UNSUPPORTED = [
    "match x:\n    case 1:\n        pass", "1j", "def f[T](x): pass", "type X = int",
    "async def f():\n    return [x async for x in y]",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    out = os.path.join(root, "python-frontend", "src", "test", "resources", "syntax", "cpython-3.13.json")
    doc = {"python": "%d.%d.%d" % sys.version_info[:3], "valid": [], "programs": [], "invalid": [],
           "unsupported": []}
    seen = set()
    for src in VALID:
        if src in seen:
            sys.exit("duplicate valid case %r" % src)
        seen.add(src)
        doc["valid"].append({"src": src, "dump": ast.dump(ast.parse(src))})
    for src in PROGRAMS:
        doc["programs"].append({"src": src, "dump": ast.dump(ast.parse(src))})
    for src in UNSUPPORTED:
        ast.parse(src)  # must be valid Python
        doc["unsupported"].append({"src": src})
    cases = [(src, check, False) for src, check in INVALID] + [(src, check, True) for src, check in COMPILE_INVALID]
    for src, check, compiled in cases:
        if src in seen:
            sys.exit("duplicate invalid case %r" % src)
        seen.add(src)
        try:
            compile(src, "<unknown>", "exec") if compiled else ast.parse(src)
        except SyntaxError as e:
            doc["invalid"].append({"src": src, "check": check, "type": type(e).__name__, "msg": e.msg,
                                   "lineno": e.lineno, "offset": e.offset, "end_lineno": e.end_lineno,
                                   "end_offset": e.end_offset})
        else:
            sys.exit("invalid case parses: %r" % src)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="ascii") as f:
        json.dump(doc, f, sort_keys=True, indent=1, ensure_ascii=True)
        f.write("\n")
    print("wrote %s: %d valid, %d programs, %d invalid, %d unsupported"
          % (out, len(doc["valid"]), len(doc["programs"]), len(doc["invalid"]), len(doc["unsupported"])))


if __name__ == "__main__":
    main()
