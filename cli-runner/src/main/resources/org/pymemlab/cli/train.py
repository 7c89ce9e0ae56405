# The Python half of the launcher's AOT training run (pymem train): a little of what memory-behaviour
# programs do, so the cache holds the interpreter's classes and method profiles too.
import gc, sys, weakref

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

class Pair:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

def churn(rounds):
    total = 0
    for r in range(rounds):
        rings = [ring(50) for _ in range(10)]
        del rings
        total += gc.collect()
        table = {}
        for i in range(200):
            table["k%d" % i] = [i, i * 2.5, str(i), (i, i + 1)]
        words = sorted(set(w.upper() for w in table if len(w) > 2))
        pairs = [Pair(i, -i) for i in range(100)]
        total += sum(p.a + p.b for p in pairs) + len(words)
        nodes = [Node(i) for i in range(10)]
        refs = [weakref.ref(n) for n in nodes]
        del nodes, pairs
        total += sum(1 for w in refs if w() is None)
        try:
            table["missing"]
        except KeyError as e:
            total += len(str(e))
        text = f"{total:>10} {r!r} {sys.getsizeof(table)}"
        total += len(text.split())
    return total

print(churn(60))
