# sys.getsizeof of functions, cells, methods, modules, ranges, iterators, generators and classes
import sys, gc
def f():
    pass
def outer():
    x = 1
    def inner():
        return x
    return inner
class C:
    def m(self):
        pass
c = C()
def gen():
    yield 1
print("function", sys.getsizeof(f), "cell", sys.getsizeof(outer().__closure__[0]))
print("method", sys.getsizeof(c.m), "builtin method", sys.getsizeof([].append), "module", sys.getsizeof(sys))
print("range", sys.getsizeof(range(3)), "object", sys.getsizeof(object()), "class", sys.getsizeof(C))
print("list_iterator", sys.getsizeof(iter([])), "tuple_iterator", sys.getsizeof(iter(())),
      "range_iterator", sys.getsizeof(iter(range(3))), "str_iterator", sys.getsizeof(iter("")))
print("dict_keyiterator", sys.getsizeof(iter({})), "set_iterator", sys.getsizeof(iter(set())),
      "enumerate", sys.getsizeof(enumerate([])), "zip", sys.getsizeof(zip()), "map", sys.getsizeof(map(f, [])))
print(gc.is_tracked(f), gc.is_tracked(c.m), gc.is_tracked(iter([])), gc.is_tracked(range(3)), gc.is_tracked(gen()))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(2))).__name__, type(gen()).__name__,
      type(f).__name__, type(c.m).__name__, type(len).__name__, type(sys).__name__)
