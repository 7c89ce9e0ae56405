# gc_traversal-shaped benchmark (issue 5), pyperformance's bm_gc_traversal: 1,000 levels of lists, level n
# holding n references to level n-1, all alive; gc.collect() walks them and frees nothing. One round builds
# the shape and collects 20 times; it prints the round's whole time and the time spent in gc.collect(), wall
# and the thread's CPU time. The first round is the cold program; later rounds are warmed up.
# Usage: python3 gc_traversal.py [ROUNDS]   (tools/bench/frontend_bench.sh runs it on both interpreters)
import gc, sys, time

def create_recursive_containers(n_levels):
    current = []
    for n in range(n_levels):
        new = [None] * n
        for index in range(n):
            new[index] = current
        current = new
    return current

def one_round():
    t0 = time.perf_counter()
    u0 = time.thread_time()
    tc = 0.0
    uc = 0.0
    total = 0
    shape = create_recursive_containers(1000)
    for _ in range(20):
        c0 = time.perf_counter()
        d0 = time.thread_time()
        total += gc.collect()
        tc += time.perf_counter() - c0
        uc += time.thread_time() - d0
    del shape
    return total, time.perf_counter() - t0, tc, time.thread_time() - u0, uc

gc.disable()
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
for i in range(rounds):
    total, whole, tc, cpu, cpu_collect = one_round()
    print("round %d: collected %d, whole %.3f s, collect %.3f s, cpu %.3f s, collect cpu %.3f s"
          % (i + 1, total, whole, tc, cpu, cpu_collect))
