# The math module: constants, real functions with CPython's errors (domain, range, conversions), exact
# integer functions, fsum and hypot rounded once, logarithms of ints too large for a float, from-imports.
import math
from math import sqrt, pi
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: math.sqrt(-1)); t(lambda: math.log(0)); t(lambda: math.log(-1)); t(lambda: math.exp(1000)); t(lambda: math.floor(float('inf'))); t(lambda: math.floor(float('nan')))
t(lambda: math.factorial(-1)); t(lambda: math.factorial(2.0)); t(lambda: math.isqrt(-1)); t(lambda: math.sqrt('a')); t(lambda: math.log(10**400)); t(lambda: math.sqrt(10**400))
t(lambda: math.comb(5, 2)); t(lambda: math.perm(5)); t(lambda: math.gcd()); t(lambda: math.lcm(4, 6)); t(lambda: math.prod([2, 3.5])); t(lambda: math.fsum([0.1]*10)); t(lambda: math.hypot(3, 4))
t(lambda: math.log(8, 2)); t(lambda: math.log2(8)); t(lambda: math.log10(1000)); t(lambda: math.pow(2, 0.5)); t(lambda: math.sin(1)); t(lambda: math.cos(1)); t(lambda: math.atan2(1, 2)); t(lambda: math.modf(2.5)); t(lambda: math.frexp(8.0))
t(lambda: math.isclose(1.0, 1.0000000001)); t(lambda: math.ceil(2.1)); t(lambda: math.trunc(-2.7)); t(lambda: math.copysign(1, -0.0)); t(lambda: math.fmod(7, 3)); t(lambda: math.degrees(math.pi)); t(lambda: math.pow(0, -1)); t(lambda: math.acos(2))
print(pi, math.e, math.tau, math.inf, math.nan, sqrt(2), math.factorial(20), math.isqrt(10**20 + 1), math.gcd(12, 18, 27))
print([math.sin(x / 7) for x in range(10)])
print([math.cos(x / 3) for x in range(10)])
print([math.exp(x / 5) for x in range(-10, 10, 3)])
print([math.log(x + 0.5) for x in range(10)])
print([math.log10(x + 1) for x in range(10)])
print([math.log2(x + 1) for x in range(10)])
print([math.sqrt(x) for x in range(10)])
print([math.atan(x / 4) for x in range(10)])
print([math.tan(x / 9) for x in range(10)])
print(math.floor(-2.5), math.ceil(-2.5), math.floor(7), math.modf(-3.25), math.frexp(-0.1), math.ldexp(0.5, 3))
print(math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.prod([]), math.prod(range(1, 10)), math.comb(50, 25), math.perm(10, 3))
print(math.hypot(), math.hypot(1, 1, 1), math.pow(2, 10), math.pow(float('nan'), 0), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1))
print(math.log(100, 10), math.log(2 ** 2000), math.log10(10 ** 500), math.log2(2 ** 1100))
