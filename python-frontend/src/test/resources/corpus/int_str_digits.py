# Ints and their decimal strings: CPython's limit of 4300 digits (3.11+) for str(), repr(), formatting and
# int(str) in bases that are not powers of two, and sys.set_int_max_str_digits / get_int_max_str_digits;
# big-int arithmetic round-trips.
import sys, random
def t(f):
    try:
        r = f()
        print(r if not isinstance(r, str) else len(r))
    except Exception as e:
        print(type(e).__name__, e)
big = 7 ** 20000
t(lambda: str(big)); t(lambda: repr(big)); t(lambda: f"{big}"); t(lambda: "%d" % big); t(lambda: format(big, ",")); t(lambda: hex(big)[:10]); t(lambda: format(big, 'x')[:5])
t(lambda: int('1' * 4300) > 0); t(lambda: int('1' * 4301)); t(lambda: int('-' + '1' * 4301)); t(lambda: int('1' * 5000, 16) > 0); t(lambda: int('1' * 5000, 7))
t(lambda: str(10 ** 4299)); t(lambda: str(10 ** 4300)); t(lambda: str(-10 ** 4299))
print(sys.get_int_max_str_digits())
t(lambda: sys.set_int_max_str_digits(100))
sys.set_int_max_str_digits(0); t(lambda: len(str(big)))
sys.set_int_max_str_digits(1000); t(lambda: str(10 ** 999)); t(lambda: str(10 ** 1000)); print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(4300)
random.seed(5)
for bits in (1, 29, 30, 31, 59, 60, 61, 62, 63, 64, 65, 89, 90, 91, 1000, 5000):
    for _ in range(20):
        v = random.getrandbits(bits) * random.choice((1, -1))
        w = v * 3 - 1
        assert (w + 1) // 3 == v, (bits, v)
        assert int(str(v)) == v
        assert hex(v) == ('-' if v < 0 else '') + '0x' + format(abs(v), 'x')
print("ok", (2 ** 100 - 1) * (2 ** 100 + 1) == 2 ** 200 - 1, -(2 ** 90) // 7, (10 ** 40) % 97, 2 ** 64, -(2 ** 63))
