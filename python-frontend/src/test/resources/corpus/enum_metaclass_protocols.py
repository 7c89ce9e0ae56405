# A metaclass's __iter__, __len__ and __contains__ serve its classes; enum: Enum, IntEnum, auto, unique, aliases,
# lookups by value and name, iteration, texts and errors.
class M(type):
    def __iter__(cls):
        return iter([1, 2])
    def __len__(cls):
        return 2
    def __contains__(cls, x):
        return x == 1
    def __getitem__(cls, k):
        return k * 2
    def __repr__(cls):
        return "<M " + cls.__name__ + ">"
class C(metaclass=M):
    pass
print(list(C), len(C), 1 in C, C[3], repr(C), [x for x in C])
for x in C:
    print(x)
from enum import Enum, IntEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return self.name.lower()
print(Color.RED, repr(Color.GREEN), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.BLUE.describe(), isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED != Color.GREEN)
print(repr(Color), list(Color.__members__), {Color.RED: 'r'}[Color.CRIMSON], f"{Color.GREEN}", Color.RED in Color)
try: Color(7)
except ValueError as e: print(e)
try: Color['PURPLE']
except KeyError as e: print('KeyError', e)
class N(IntEnum):
    ONE = auto()
    TWO = auto()
    TEN = 10
    ELEVEN = auto()
print(N.TWO, repr(N.TWO), N.TWO + 1, N.ELEVEN.value, N(10), sorted([N.TEN, N.ONE]), N.ONE == 1, f"{N.TEN:>4}", [int(n) for n in N])
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
for c in reversed(Color):
    print(c.name, end=' ')
print()
