# Per-operation costs of the interpreter, by ablation: each function runs a loop over range(n) with one
# more kind of statement than the bare loop; the differences between their times are the statements' costs.
# After a warm-up of every function, prints the fastest of 25 runs of each, as thread CPU time per iteration.
# Usage: python3 loop_ablation.py   (and ./pymem run --report none loop_ablation.py)
import time

G = 5

def loop_only(n):
    for i in range(n):
        pass

def loop_local(n):
    g = None
    for i in range(n):
        x = g

def loop_global(n):
    for i in range(n):
        x = G

def loop_builtin(n):
    for i in range(n):
        x = len

def loop_store(n):
    lst = [None] * n
    for i in range(n):
        lst[i] = lst

class C:
    def __init__(self):
        self.a = 1

    def m(self):
        pass

def loop_getattr(n):
    c = C()
    for i in range(n):
        x = c.a

def loop_setattr(n):
    c = C()
    for i in range(n):
        c.a = i

def loop_method(n):
    c = C()
    for i in range(n):
        c.m()

def loop_new(n):
    for i in range(n):
        C()

N = 100000
LOOPS = (loop_only, loop_local, loop_global, loop_builtin, loop_store, loop_getattr, loop_setattr, loop_method,
         loop_new)
for f in LOOPS:  # warm-up: every function runs before any is timed
    for r in range(10):
        f(N)
for f in LOOPS:
    best = 9.0
    for r in range(25):
        t = time.thread_time()
        f(N)
        best = min(best, time.thread_time() - t)
    print("%-13s %6.1f ns" % (f.__name__, best * 1e9 / N))
