# fractions.Fraction: construction from ints, strings and floats, exact arithmetic mixed with int and float, comparisons, CPython's hash (equal to an equal float's), rounding, limit_denominator and the errors; math.floor/ceil and round() call the class's methods
from fractions import Fraction
import math
a = Fraction(3, 4); b = Fraction(-6, 8); c = Fraction('1.25'); d = Fraction(' -7/21 '); e = Fraction(0.1); f = Fraction('2e-3')
print(a, b, c, d, repr(e), f, Fraction(5), Fraction(), Fraction(a), Fraction(a, c), Fraction('3'), Fraction('.5'), Fraction('1_000'))
print(a + b, a - 1, 2 - a, a * c, a / c, 1 / a, a // Fraction(1, 3), a % Fraction(1, 3), divmod(a, Fraction(1, 5)), -a, abs(b), +a)
print(a + 0.5, 0.5 * a, a ** 2, a ** -2, b ** -3, 2 ** Fraction(3), 4 ** Fraction(1, 2), a ** 0.5, Fraction(-8, 27) ** Fraction(1, 1))
print(a == Fraction(6, 8), a == 0.75, a < 1, a > b, a <= 0.75, Fraction(1, 3) < 0.34, a != c, Fraction(2) == 2, 3 > a)
print(hash(a) == hash(0.75), hash(Fraction(2)) == hash(2), hash(Fraction(1, 3)), hash(Fraction(-1, 3)), hash(Fraction(-1, 1)))
print(int(Fraction(-7, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(1, 3), 2), round(Fraction(1234), -2), float(d))
print(e.limit_denominator(10), Fraction(math.pi).limit_denominator(1000), Fraction(355, 113).limit_denominator(100), a.as_integer_ratio(), Fraction.from_float(0.25), a.numerator, a.denominator)
print(bool(Fraction(0)), sorted([c, a, b, d]), sum([a, b, c]), max(a, 0.7), {a: 1}[Fraction(3, 4)], {0.75: 'x'}[a])
for bad in ["Fraction(1, 0)", "Fraction('x')", "Fraction(1.5, 2)", "Fraction([])", "a / 0", "Fraction(float('nan'))", "Fraction(float('inf'))", "Fraction(0) ** -1"]:
    try:
        eval(bad)
    except Exception as ex:
        print(type(ex).__name__, ex)
