# sys.getsizeof of every type and the growth of lists
import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(True))
print(sys.getsizeof(1.5), sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("hello"), sys.getsizeof("é"))
print(sys.getsizeof(b""), sys.getsizeof(b"abc"), sys.getsizeof(()), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof({}), sys.getsizeof(set()), sys.getsizeof(frozenset()))
print(sys.getsizeof(object()))
lst = []
sizes = []
for i in range(40):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sizes)
print(sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10), sys.getsizeof([i for i in range(10)]))
