# tracemalloc: per-line statistics of more shapes (sets, tuples, slotted instances, growing dicts and lists,
# str and bytes built at run time, nested containers), filtered to this file; names are bound and free
# lists filled before tracing starts (see tracemalloc_lines.py).
import tracemalloc


def show(what):
    # CPython names the main file by its absolute path (3.9+), the lab by the name it was given: the
    # directories in front of this file's name are left out
    text = str(what)
    cut = text.find("tracemalloc_shapes.py")
    start = cut
    while start > 0 and text[start - 1] not in "'\" ":
        start -= 1
    print(text[:start] + text[cut:] if cut > 0 else text)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Plain:
    def __init__(self, a):
        self.a = a
        self.b = [a]


s1 = t1 = sl = grow = gl = words = raw = nested = pl = fl = snap = stat = None
here = tracemalloc.Filter(True, "*tracemalloc_shapes.py")
warm = [[] for i in range(70)] + [(i, i) for i in range(50)] + [{} for i in range(50)] + [i * 0.5 for i in range(100)]
del warm

tracemalloc.start()
s1 = set(range(500, 1500))
t1 = tuple(range(1000, 1100))
sl = [Slotted(i, -i) for i in range(300, 350)]
grow = {}
for i in range(400, 700):
    grow[i] = i * 3
gl = []
for i in range(2000):
    gl.append(i)
words = ["w" + str(i) for i in range(100, 200)]
raw = bytes(range(200)) * 20
nested = [[i, i + 1] for i in range(300, 340)]
pl = [Plain(i) for i in range(500, 520)]
fl = [i * 0.5 for i in range(100)]
snap = tracemalloc.take_snapshot().filter_traces([here])
for stat in snap.statistics("lineno"):
    show(stat)
tracemalloc.stop()
