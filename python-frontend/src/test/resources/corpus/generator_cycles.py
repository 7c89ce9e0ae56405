# A generator's frame is part of the object graph: a cycle through a suspended generator's locals (an object
# whose attribute is a generator of its own method, a list holding the generator that holds it) is garbage,
# and the collector closes the generator (its finally blocks run) before anything is cleared. Closing a
# started generator ends its frame, which frees the rest by reference counting, so gc.collect() counts
# nothing; an unstarted generator's frame ends on 3.11's close and stays on 3.12's, whose collector then
# counts it and its holder.
import gc, weakref

gc.disable()
gc.collect()

class Reader:
    def __init__(self):
        self.it = self._lines()

    def _lines(self):
        n = 0
        try:
            while True:
                n += 1
                yield n
        finally:
            print("  reader's generator closed after", n)

r = Reader()
print(next(r.it), next(r.it))
w = weakref.ref(r)
del r
print("reader alive before:", w() is not None)
print("collected:", gc.collect())
print("reader alive after:", w() is not None)

def holds(lst):
    yield len(lst)
lst = [1, 2, 3]
gen = holds(lst)
lst.append(gen)
print(next(gen))
w = weakref.ref(gen)
del lst, gen
print("collected:", gc.collect(), "generator alive:", w() is not None)

class C:
    pass

def unstarted(holder):
    yield 1
h = C()
h.gen = unstarted(h)
w = weakref.ref(h)
del h
print("unstarted collected:", gc.collect(), "holder alive:", w() is not None)

# not garbage: a generator reachable from a global keeps what its frame holds
def keeper(obj):
    yield obj
k = C()
kept = keeper(k)
next(kept)
del k
print("collected:", gc.collect(), "kept:", type(next(kept, None)).__name__)

# a finished generator holds nothing
def short(obj):
    yield obj
x = C()
g2 = short(x)
list(g2)
wx = weakref.ref(x)
del x
print("after the end, x alive:", wx() is not None)
