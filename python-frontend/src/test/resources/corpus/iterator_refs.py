# reversed() over a list or a tuple holds the sequence and an index from its end (no copy of the items), and
# lets the sequence go once exhausted; what it yields follows changes to the list.
import sys
R = sys.getrefcount
x = object()
l = [x, 2, 3]
print(R(l), R(x))
r = reversed(l)
print(R(l), R(x))
print(list(r)[2] is x, R(l), R(x))
t = (4, x, 6)
r2 = reversed(t)
print(next(r2), R(t))
print(list(r2)[0] is x, R(t))
l2 = [1, 2, 3]
r3 = reversed(l2)
next(r3)
l2.clear()
print(list(r3))
l3 = [1, 2]
r4 = reversed(l3)
l3.append(9)
print(list(r4))
l4 = [1, 2, 3]
r5 = reversed(l4)
next(r5)
del l4[0]
print(list(r5))
print(type(reversed([])).__name__, type(reversed(())).__name__, sys.getsizeof(reversed([1])), sys.getsizeof(reversed((1,))))
print(list(reversed('abc')), list(reversed(range(3))), list(reversed([])))
# iter() of each container: what the iterator holds while running and after it is exhausted
for o in ([1, 2], (1, 2), bytes(range(3)), {1: 2}, {1, 2}):
    it = iter(o)
    running = R(o)
    for _ in it:
        pass
    print(type(it).__name__, running, R(o), sys.getsizeof(it))
l = [1]
e = enumerate(l)
list(e)
z = zip(l)
list(z)
m = map(str, l)
list(m)
print('enumerate, zip, map', R(l))
