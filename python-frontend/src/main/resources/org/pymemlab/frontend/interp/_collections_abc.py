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
