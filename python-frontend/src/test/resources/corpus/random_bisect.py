# random and bisect: a program seeded with an int (or a float) draws CPython's numbers, through the same
# Mersenne Twister seeding and the same algorithms for randrange, shuffle, sample, choices, gauss ...;
# bisect's searches and insertions.
import random, bisect
random.seed(1234)
print([random.random() for _ in range(3)])
print([random.randrange(100) for _ in range(5)], random.randint(1, 6), random.randrange(10, 1000, 7))
print(random.getrandbits(70), random.getrandbits(32), random.getrandbits(0), random.getrandbits(5))
l = list(range(20)); random.shuffle(l); print(l)
print(random.choice('abcdef'), random.sample(range(100), 7), random.sample(range(1000), 30)[:5])
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(), random.expovariate(2.0), random.triangular())
print(random.choices('abc', k=5), random.choices('abc', weights=[1, 5, 10], k=5))
random.seed(2 ** 100 + 12345); print(random.random())
random.seed(0); print(random.random()); random.seed(-7); print(random.random()); random.seed(3.5); print(random.random()); random.seed(-2.5); print(random.random())
r = random.Random(42); print(r.random(), r.randrange(1000))
s = r.getstate(); a = r.random(); r.setstate(s); print(a == r.random())
print(random.randbytes(5) if hasattr(random, 'randbytes') else '')
print(bisect.bisect([1, 3, 5, 7], 4), bisect.bisect_left([1, 3, 3, 5], 3), bisect.bisect_right([1, 3, 3, 5], 3))
x = [1, 4, 9]; bisect.insort(x, 5); bisect.insort_left(x, 4); print(x)
try: random.randrange(0)
except ValueError as e: print(e)
try: random.choice([])
except IndexError as e: print(e)
