# typing.NamedTuple, by class (fields from annotations, defaults, methods, docstring) and by call, and the
# async aliases of typing.
from typing import NamedTuple, AsyncIterator, Awaitable
class P(NamedTuple):
    """A point."""
    x: int
    y: int = 0
    def norm(self):
        return abs(self.x) + abs(self.y)
p = P(1)
print(p, p._replace(y=5), P._fields, P._field_defaults, p.norm(), p.__doc__, P.__annotations__, isinstance(p, tuple), P.__mro__)
Q = NamedTuple('Q', [('a', int), ('b', str)])
q = Q(1, 'z')
print(q, Q._fields, Q.__annotations__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    class Bad2(NamedTuple):
        a: int = 1
        c: int = 2
        b: int
except TypeError as e:
    print(e)
print(AsyncIterator[int], Awaitable)
