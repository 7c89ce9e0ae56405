"""collections.abc for PyMem Lab: the abstract base classes, answering isinstance and issubclass as CPython's
do: the one-method ones (Iterable, Iterator, Sized, Container, Hashable, Callable, Reversible, Generator,
Collection) by the methods a class has, the others (Sequence, Mapping, Set ...) by inheritance or
registration, with the built-ins registered where CPython registers them."""


def _has(cls, *methods):
    for name in methods:
        if getattr(cls, name, None) is None:
            return False
    return True


class ABCMeta(type):

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._abc_registry = []
        return cls

    def register(cls, subclass):
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, '__mro__', ()):
            return True
        hook = cls.__dict__.get('_methods')
        if hook is not None and _has(subclass, *hook):
            return True
        mro = getattr(subclass, '__mro__', ())
        for klass in [cls] + cls._registered_below():
            for registered in klass._abc_registry:
                if registered is subclass or registered in mro:
                    return True
        return False

    def _registered_below(cls):
        found = []
        for klass in _ALL:
            if klass is not cls and cls in klass.__mro__:
                found.append(klass)
        return found


_ALL = []


def _abc(name, bases=(), methods=None):
    cls = ABCMeta(name, bases, {'_methods': methods, '__module__': 'collections.abc'})
    _ALL.append(cls)
    return cls


Hashable = _abc('Hashable', methods=('__hash__',))
Iterable = _abc('Iterable', methods=('__iter__',))
Iterator = _abc('Iterator', (Iterable,), ('__iter__', '__next__'))
Reversible = _abc('Reversible', (Iterable,), ('__reversed__', '__iter__'))
Generator = _abc('Generator', (Iterator,), ('__iter__', '__next__', 'send', 'throw', 'close'))
Sized = _abc('Sized', methods=('__len__',))
Container = _abc('Container', methods=('__contains__',))
Callable = _abc('Callable', methods=('__call__',))
Collection = _abc('Collection', (Sized, Iterable, Container), ('__len__', '__iter__', '__contains__'))
Set = _abc('Set', (Collection,))
MutableSet = _abc('MutableSet', (Set,))
Mapping = _abc('Mapping', (Collection,))
MutableMapping = _abc('MutableMapping', (Mapping,))
Sequence = _abc('Sequence', (Reversible, Collection))
MutableSequence = _abc('MutableSequence', (Sequence,))
MappingView = _abc('MappingView', (Sized,))
KeysView = _abc('KeysView', (MappingView, Set))
ItemsView = _abc('ItemsView', (MappingView, Set))
ValuesView = _abc('ValuesView', (MappingView, Collection))
Awaitable = _abc('Awaitable', methods=('__await__',))
Coroutine = _abc('Coroutine', (Awaitable,), ('__await__', 'send', 'throw', 'close'))
AsyncIterable = _abc('AsyncIterable', methods=('__aiter__',))
AsyncIterator = _abc('AsyncIterator', (AsyncIterable,), ('__anext__', '__aiter__'))
AsyncGenerator = _abc('AsyncGenerator', (AsyncIterator,), ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'))

# the interpreter's own iterator, generator and callable types, which show no __iter__/__next__/__call__
def _generator():
    yield


for _t in {type(iter(x)) for x in ([], (), '', {}, set(), range(0), b'')} | {
        type(reversed([])), type(reversed(())), type(enumerate(())), type(zip()), type(map(len, ())),
        type(filter(None, ())), type(iter({}.values())), type(iter({}.items()))}:
    Iterator.register(_t)
KeysView.register(type({}.keys()))
ValuesView.register(type({}.values()))
ItemsView.register(type({}.items()))
Generator.register(type(_generator()))


async def _coroutine():
    pass


async def _async_generator():
    yield


_made = _coroutine()
Coroutine.register(type(_made))
_made.close()
AsyncGenerator.register(type(_async_generator()))
del _made
for _t in (type(len), type(_generator), type(Iterable.register), type):
    Callable.register(_t)
for _t in (tuple, str, range, bytes):
    Sequence.register(_t)
MutableSequence.register(list)
Set.register(frozenset)
MutableSet.register(set)
MutableMapping.register(dict)


# ---- the mixin methods CPython's ABCs give their subclasses ----

def _mix(cls, mixin, unhashable=False):
    """Copies a mixin class's methods into an ABC made above (CPython defines them in the ABC's body)."""
    for name, value in vars(mixin).items():
        if name not in ('__dict__', '__weakref__', '__module__', '__doc__', '__qualname__'):
            setattr(cls, name, value)
    if unhashable:
        cls.__hash__ = None  # __eq__ in a class body makes its instances unhashable


class _SetMixin:
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(e for s in (self, other) for e in s)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__


class _MutableSetMixin:
    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class _MappingMixin:
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


_marker = object()


class _MutableMappingMixin:
    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class _MappingViewMixin:
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)


class _KeysViewMixin:
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class _ItemsViewMixin:
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class _ValuesViewMixin:
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class _SequenceMixin:
    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class _MutableSequenceMixin:
    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


_mix(Set, _SetMixin, unhashable=True)
_mix(MutableSet, _MutableSetMixin)
_mix(Mapping, _MappingMixin, unhashable=True)
_mix(MutableMapping, _MutableMappingMixin)
_mix(MappingView, _MappingViewMixin)
_mix(KeysView, _KeysViewMixin)
_mix(ItemsView, _ItemsViewMixin)
_mix(ValuesView, _ValuesViewMixin)
_mix(Sequence, _SequenceMixin)
_mix(MutableSequence, _MutableSequenceMixin)
