# collections.abc answers isinstance/issubclass as CPython's ABCs do (methods for the one-trick ones, registration
# and inheritance for the rest); a metaclass's __instancecheck__ decides isinstance; __future__'s features.
from __future__ import annotations
import __future__
from collections.abc import Iterable, Iterator, Sequence, Mapping, MutableMapping, Hashable, Sized, Callable, Set, MutableSequence, Generator, Container
print(__future__.annotations.getMandatoryRelease(), 'annotations' in __future__.all_feature_names)
def gen():
    yield 1
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class Seq(Sequence):
    def __getitem__(self, i): return i
    def __len__(self): return 0
vals = [[], (), 'a', {}, set(), frozenset(), 1, 2.5, None, gen(), iter([]), It(), Seq(), len, range(3), b'x']
for abc in (Iterable, Iterator, Sequence, Mapping, MutableMapping, Hashable, Sized, Callable, Set, MutableSequence, Generator, Container):
    print(abc.__name__.ljust(16), ''.join('1' if isinstance(v, abc) else '0' for v in vals))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Iterable), issubclass(It, Iterator), issubclass(Seq, Iterable))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42
class Answer(metaclass=Meta):
    pass
print(isinstance(42, Answer), isinstance(41, Answer), isinstance(Answer(), Answer))
