# gc_collect-shaped benchmark: rings of Node instances linked by a method, deleted, then gc.collect().
# Run side by side: PYENV_VERSION=3.13.0 python3 gc_collect.py  vs  the frontend on cpython-3.13.
import gc, time
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
t0 = time.perf_counter()
gc.disable()
total = 0
tc = 0.0
for r in range(200):
    rings = [ring(100) for _ in range(20)]
    del rings
    c0 = time.perf_counter()
    total += gc.collect()
    tc += time.perf_counter() - c0
t1 = time.perf_counter()
print("collected", total)
print("whole %.3f s, collect %.3f s" % (t1 - t0, tc))
