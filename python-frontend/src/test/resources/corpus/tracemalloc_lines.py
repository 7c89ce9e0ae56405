# tracemalloc: what the program's own lines allocate, per line ('lineno' statistics of a snapshot filtered to this
# file). Names are bound and free lists filled before tracing starts: a new global grows the module's dict
# (CPython's holds more names than ours, so it grows at other moments) and a list, tuple or dict taken from a
# free list (which CPython's start-up fills) allocates no block.
import tracemalloc

def show(what):
    # CPython names the main file by its absolute path (3.9+), the lab by the name it was given: the
    # directories in front of this file's name are left out
    text = str(what)
    cut = text.find("tracemalloc_lines.py")
    start = cut
    while start > 0 and text[start - 1] not in "'\" ":
        start -= 1
    print(text[:start] + text[cut:] if cut > 0 else text)


zeros = squares = table = points = text = snap = stat = None
warm = [[] for i in range(70)] + [(i, i) for i in range(50)] + [{} for i in range(50)]
del warm


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
zeros = [0] * 1000
squares = [i * i for i in range(300, 400)]
table = {i: i + 1000 for i in range(1000)}
points = [Point(i, i) for i in range(100)]
text = "x" * 5000
snap = tracemalloc.take_snapshot()
for stat in snap.filter_traces([tracemalloc.Filter(True, "*tracemalloc_lines.py")]).statistics("lineno"):
    show(stat)
show(tracemalloc.get_object_traceback(text))
show(tracemalloc.get_object_traceback(zeros))
# 3.11 looks an object up by its address less the GC header, missing an instance's block (its managed-dict
# words come first): None there, the line on 3.12+
show(tracemalloc.get_object_traceback(points[7]))
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_object_traceback(text))
