# gc_collect-shaped benchmark (issue 5): rings of Node instances linked through a method, dropped, then
# gc.collect(). One round builds and collects 200 times 20 rings of 100 nodes (400,000 objects); it prints
# the round's whole time and the time spent in gc.collect(), wall and the thread's CPU time. The first round is the cold program; later
# rounds are warmed up (pyperf, too, discards a warm-up value per process).
# Usage: python3 gc_collect.py [ROUNDS]   (tools/bench/frontend_bench.sh runs it on both interpreters)
import gc, sys, time

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

    def link(self, other):
        self.next = other

def ring(n):
    first = Node(0)
    cur = first
    for i in range(1, n):
        nxt = Node(i)
        cur.link(nxt)
        cur = nxt
    cur.link(first)
    return first

def one_round():
    t0 = time.perf_counter()
    u0 = time.thread_time()
    total = 0
    tc = 0.0
    uc = 0.0
    for r in range(200):
        rings = [ring(100) for _ in range(20)]
        del rings
        c0 = time.perf_counter()
        d0 = time.thread_time()
        total += gc.collect()
        tc += time.perf_counter() - c0
        uc += time.thread_time() - d0
    return total, time.perf_counter() - t0, tc, time.thread_time() - u0, uc

gc.disable()
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for i in range(rounds):
    total, whole, tc, cpu, cpu_collect = one_round()
    print("round %d: collected %d, whole %.3f s, collect %.3f s, cpu %.3f s, collect cpu %.3f s"
          % (i + 1, total, whole, tc, cpu, cpu_collect))
