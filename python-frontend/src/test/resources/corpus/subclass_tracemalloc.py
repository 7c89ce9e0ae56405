# The blocks CPython allocates for instances of subclasses of int, float, str, tuple, bytes and frozenset, as
# tracemalloc sees them: PyType_GenericAlloc's room for one item more than the value has, the GC header and the
# pre-header, a str subclass's characters in a block of their own, a frozenset subclass's table.
import tracemalloc


class I(int):
    pass


class F(float):
    pass


class S(str):
    pass


class T(tuple):
    pass


class B(bytes):
    pass


class FS(frozenset):
    pass


class Is(int):
    __slots__ = ()


def per_instance(make):
    """Bytes traced per object made, the first one (and anything made once) left out."""
    xs = [None] * 200
    make()
    base = tracemalloc.get_traced_memory()[0]
    for i in range(200):
        xs[i] = make()
    return (tracemalloc.get_traced_memory()[0] - base) // 200


tracemalloc.start()
big = 2 ** 62
print("I", per_instance(lambda: I(5)), per_instance(lambda: I(big)), per_instance(lambda: Is(7)))
print("F", per_instance(lambda: F(1.5)))
print("S", per_instance(lambda: S("hello world")), per_instance(lambda: S("héllo")), per_instance(lambda: S("€")))
print("T", per_instance(lambda: T((1, 2, 3))), per_instance(lambda: T()))
print("B", per_instance(lambda: B(b"0123456789")), per_instance(lambda: B(b"0123456")))
print("FS", per_instance(lambda: FS((1, 2, 3))), per_instance(lambda: FS(range(20))))
