# dataclasses: @dataclass (init, repr, eq, order, frozen, inheritance, __post_init__), field with a default
# factory, fields, asdict, astuple, replace, and CPython's errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
@dataclass
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = P(1); q = P(1, 2, ['a'])
print(p, q, p == P(1), p == q, asdict(q), astuple(q), replace(p, y=5), [f.name for f in fields(P)], is_dataclass(p))
try: P()
except TypeError as e: print(e)
try: P(1, 2, [], 4)
except TypeError as e: print(e)
try: P(1, z=3)
except TypeError as e: print(e)
@dataclass(frozen=True, order=True)
class F:
    a: int
    b: str = 'x'
f1 = F(1); f2 = F(2)
print(f1 < f2, sorted([f2, f1]), hash(f1) == hash(F(1)), {f1: 1}[F(1)])
try: f1.a = 3
except Exception as e: print(type(e).__name__, e)
@dataclass
class Q(P):
    z: int = 9
print(Q(1), P.__hash__, Q(1, 2, [], 3).z)
@dataclass
class R:
    v: int
    def __post_init__(self):
        self.w = self.v * 2
print(R(4).w, R(4))
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print(e)
