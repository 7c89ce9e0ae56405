# Under "from __future__ import annotations" annotations are not evaluated: each is kept as the text CPython's
# ast_unparse.c writes back from the tree (spacing normalised, parentheses where precedence needs them).
from __future__ import annotations
def f(x: Undefined, *rest: list[Nope]) -> dict[str,   int]: pass
print(f.__annotations__)
text = f.__annotations__["x"]
print(type(text).__name__, text)
def g(a: (int, str), b: a  or  b and not c, c: x if y else z, d: lambda q, *r, s=1, **t: q,
      e: -x ** -y, f: (a + b) * c - d / e // f % g @ h, g: a << b >> c | d ^ e & f,
      h: 1 < x <= 2 != y is not None, i: f(*args, k=1, **kw), j: f(x for x in y if x), k: [1, 2.5, 'a', b"b"],
      l: {1: 2, **d}, m: {1, 2}, n: [x for x in y], o: {x: y for x, y in z}, p: {x for x in y},
      q: x[1:2, ::3], r: x[a:b:c], t: 1 .real, u: ..., v: None | True | False,
      w: "str 'quoted'", y: f"{x!r:>{w}} {{braces}} {y=}", aa: 1e400, bb: -(-x), cc: not (a < b),
      dd: (a, ), ee: (), ff: x.y.z[0](1)(2), gg: a ** b ** c, hh: (a ** b) ** c, ii: 'single"double', jj: 0x10,
      kk: 1_000, ll: 2.50, mm: 1e-5, nn: 10.0 ** 20, oo: u"unicode"):
    pass
for k, v in g.__annotations__.items():
    print(k, v)
x: list[int] = [1]
y: Undefined
class C:
    attr: dict[ str , C ] = {}
print(__annotations__, C.__annotations__)
