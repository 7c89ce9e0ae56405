# tracemalloc: get_traced_memory() deltas, reset_peak(), compare_to() after freeing, clear_traces(), and
# tracebacks of several frames. CPython's own figures include its interpreter's blocks (frames, code, the
# module's dict), so only differences between two measurements taken the same way are printed, and
# statistics are filtered to this file's lines. Names are bound and free lists filled before tracing starts.
import tracemalloc


def show(what):
    # CPython names the main file by its absolute path (3.9+), the lab by the name it was given: the
    # directories in front of this file's name are left out
    text = str(what)
    cut = text.find("tracemalloc_compare.py")
    start = cut
    while start > 0 and text[start - 1] not in "'\" ":
        start -= 1
    print(text[:start] + text[cut:] if cut > 0 else text)


def traced():
    return tracemalloc.get_traced_memory()[0]


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


def leaf(n):
    return [Node(n), "leaf" * (n + 10)]


def branch(n):
    out = []
    for i in range(n):
        out.append(leaf(i))
    return out


a0 = a1 = b0 = b1 = c0 = c1 = big = cur = peak = table = snap1 = snap2 = tree = d = stat = tb = None
here = tracemalloc.Filter(True, "*tracemalloc_compare.py")
warm = [[] for i in range(70)] + [(i, i) for i in range(50)] + [{} for i in range(50)]
del warm

tracemalloc.start(3)
print(tracemalloc.get_traceback_limit())
a0 = traced()
a1 = traced()
b0 = traced()
big = [None] * 100000
b1 = traced()
print("list of 100000:", (b1 - b0) - (a1 - a0))
c0 = traced()
del big
c1 = traced()
print("deleted:", (c1 - c0) - (a1 - a0))

tracemalloc.reset_peak()
big = [None] * 50000
big = None
cur, peak = tracemalloc.get_traced_memory()
print("peak above current:", peak - cur >= 400000, peak - cur < 401000)

table = {i: str(i) for i in range(1000, 3000)}
snap1 = tracemalloc.take_snapshot()
table = None
snap2 = tracemalloc.take_snapshot()
for d in snap2.filter_traces([here]).compare_to(snap1.filter_traces([here]), "lineno"):
    show(d)
    print(d.size, d.size_diff, d.count, d.count_diff)

tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory() == (0, 0) or tracemalloc.get_traced_memory()[0] < 200)
tree = branch(5)
snap1 = tracemalloc.take_snapshot().filter_traces([here])
for stat in snap1.statistics("traceback"):
    show(stat)
    for line in stat.traceback.format():
        show(line)
for stat in snap1.statistics("lineno", cumulative=True):
    show(stat)
for stat in snap1.statistics("filename"):
    show(stat)
# a str's block is found on every version (3.11 misses instances: their managed-dict words come first)
tb = tracemalloc.get_object_traceback(tree[2][1])
print(len(tb), [f.lineno for f in tb], tb[-1].lineno, tb.total_nframe)
print(tb[0].filename.endswith("tracemalloc_compare.py"), tb[0].lineno, tb[0] == tb[0], tb[0] < tb[-1])
tracemalloc.stop()


# a generator's older frames are those of the frame that resumed it, not the one that created it
def numbered():
    while True:
        yield "g" * 1000 + str(len(here.filename_pattern))


def pull(g):
    return next(g)


gen = numbered()
tracemalloc.start(4)
tb = tracemalloc.get_object_traceback(pull(gen))
print([f.lineno for f in tb])
tracemalloc.stop()
