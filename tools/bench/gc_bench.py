"""CPython side of the issue-4 GC benchmark: times gc.collect() on pyperformance's gc shapes.

The shapes are built exactly as benchmarks/src/main/java/org/pymemlab/benchmarks/gc/GcShapes.java builds
them through the Java API:

  gc_collect    pyperformance bm_gc_collect: RINGS rings of 1 + LINKS Node instances, Node.link_next
                setting next and prev; the rings are garbage when gc.collect() is timed.
  gc_traversal  pyperformance bm_gc_traversal: LEVELS lists, level n holding n references to level n-1,
                all alive; gc.collect() finds nothing to free.

Automatic collection is off while a shape is built (gc.disable()); gc.collect() runs once before each
build. A full gc.collect() also walks every other tracked object of the interpreter (modules, functions,
classes: some tens of thousands), which the lab's runtime does not have. So each case runs twice:
"frozen" first moves the interpreter's own objects to the permanent generation (gc.freeze(), after the
imports) so the timed collection examines the shape alone, as the Java side's does; "as-is" leaves them,
as pyperformance does. Wall time (time.perf_counter_ns) and the thread's CPU time (time.thread_time_ns) are
both recorded: on a shared machine the CPU time is the steadier of the two. "baseline" is a gc.collect() with no shape, as-is.
Each case is measured ROUNDS times after WARMUP untimed rounds; the median and the quartiles are printed
as one JSON object per line:

  {"case": "gc_collect", "mode": "frozen", "objects": 2100, "median_ns": ..., "ns_per_object": ..., ...}

Usage: python3 gc_bench.py [--rounds N] [--warmup N] [--cases gc_collect,gc_collect_1m,gc_traversal]
                           [--modes frozen,as-is]
"""

import argparse
import gc
import json
import statistics
import sys
import time


class Node:
    def __init__(self):
        self.next = None
        self.prev = None

    def link_next(self, next):
        self.next = next
        self.next.prev = self


def create_cycle(node, n_links):
    current = node
    for _ in range(n_links):
        next_node = Node()
        current.link_next(next_node)
        current = next_node
    current.link_next(node)


def create_gc_cycles(n_cycles, n_links):
    cycles = []
    for _ in range(n_cycles):
        node = Node()
        cycles.append(node)
        create_cycle(node, n_links)
    return cycles


def create_recursive_containers(n_levels):
    current_list = []
    for n in range(n_levels):
        new_list = [None] * n
        for index in range(n):
            new_list[index] = current_list
        current_list = new_list
    return current_list


def time_rings(rings, links):
    gc.collect()
    gc.disable()
    cycles = create_gc_cycles(rings, links)
    del cycles
    c0, t0 = time.thread_time_ns(), time.perf_counter_ns()
    collected = gc.collect()
    t1, c1 = time.perf_counter_ns(), time.thread_time_ns()
    objects = rings * (links + 1)
    assert collected >= objects, (collected, objects)
    return t1 - t0, c1 - c0, objects


def time_levels(levels):
    gc.collect()
    gc.disable()
    top = create_recursive_containers(levels)
    gc.collect()  # as bm_gc_traversal: the shape is old and alive before the timed collection
    c0, t0 = time.thread_time_ns(), time.perf_counter_ns()
    collected = gc.collect()
    t1, c1 = time.perf_counter_ns(), time.thread_time_ns()
    assert collected == 0, collected
    del top
    return t1 - t0, c1 - c0, levels


CASES = {
    "gc_collect": lambda: time_rings(100, 20),
    "gc_collect_1m": lambda: time_rings(47_619, 20),
    "gc_traversal": lambda: time_levels(1000),
}


def time_baseline():
    gc.collect()
    c0, t0 = time.thread_time_ns(), time.perf_counter_ns()
    gc.collect()
    t1, c1 = time.perf_counter_ns(), time.thread_time_ns()
    return t1 - t0, c1 - c0, 1


def measure(case, run, rounds, warmup, mode):
    for _ in range(warmup):
        run()
    times = []
    cpu = []
    objects = 0
    for _ in range(rounds):
        t, c, objects = run()
        times.append(t)
        cpu.append(c)
    gc.enable()
    q = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
    median = statistics.median(times)
    print(json.dumps({
        "case": case, "mode": mode, "objects": objects, "rounds": rounds,
        "median_ns": median, "q1_ns": q[0], "q3_ns": q[2], "min_ns": min(times),
        "ns_per_object": median / objects,
        "cpu_ns_per_object": statistics.median(cpu) / objects,
        "tracked_outside_shape": len(gc.get_objects()) if mode == "as-is" else 0,
        "python": sys.version.split()[0],
    }), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--modes", default="frozen,as-is")
    args = parser.parse_args()
    modes = args.modes.split(",")
    for mode in ("as-is", "frozen"):  # as-is first: freezing cannot be undone without unfreeze's cost
        if mode not in modes:
            continue
        if mode == "frozen":
            gc.collect()
            gc.freeze()
        else:
            measure("baseline", time_baseline, args.rounds, args.warmup, mode)
        for case in args.cases.split(","):
            big = case.endswith("_1m")
            rounds = max(3, args.rounds // 6) if big else args.rounds
            measure(case, CASES[case], rounds, 1 if big else args.warmup, mode)


if __name__ == "__main__":
    main()
