# reference cycles are freed only by the cycle collector
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print(gc.collect())
lst = []
lst.append(lst)
del lst
print(gc.collect())
ring = [Node(i) for i in range(10)]
for i in range(10):
    ring[i].other = ring[(i + 1) % 10]
del ring
print(gc.collect())
print(gc.collect())
