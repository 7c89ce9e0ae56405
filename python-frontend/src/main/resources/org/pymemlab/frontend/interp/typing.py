"""typing for PyMem Lab: the names programs annotate with, so that annotations evaluate and print as CPython's
do (typing.List[int], typing.Optional[str] ...), TypeVar, Generic, Protocol, cast, overload and
TYPE_CHECKING. There is no type checking behind them, as there is none in CPython either; NamedTuple and
TypedDict are not here."""

import collections.abc as _abc

TYPE_CHECKING = False


def _text(t):
    if isinstance(t, type):
        return t.__name__ if t.__module__ == 'builtins' else t.__module__ + '.' + t.__qualname__
    if t is None or t is type(None):
        return 'None'
    if t is Ellipsis:
        return '...'
    return repr(t)


class _Alias:
    def __init__(self, name, origin, args):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if self._name == 'Optional':
            return 'typing.Optional[' + _text(self.__args__[0]) + ']'
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            return 'typing.Callable[[' + ', '.join(_text(a) for a in self.__args__[0]) + '], ' + \
                _text(self.__args__[1]) + ']'
        if self._name == 'Tuple' and self.__args__ == ():
            return 'typing.Tuple[()]'
        return 'typing.' + self._name + '[' + ', '.join(_text(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        return isinstance(other, _Alias) and (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class _Special:
    def __init__(self, name, origin):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name not in ('Literal', 'Annotated'):
            params = tuple(ForwardRef(p) if isinstance(p, str) else p for p in params)
        if self._name == 'Optional':
            return Union[params[0], None]
        if self._name == 'Union':
            flat = []
            for p in params:
                p = type(None) if p is None else p
                for q in (p.__args__ if isinstance(p, _Alias) and p._name in ('Union', 'Optional') else (p,)):
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                return _Alias('Optional', Union, (other, type(None)))
            return _Alias('Union', Union, tuple(flat))
        if self._name == 'Tuple' and params == ((),):
            params = ()
        return _Alias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError('Cannot instantiate typing.' + self._name)
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


Any = _Special('Any', None)
Union = _Special('Union', None)
Optional = _Special('Optional', None)
ClassVar = _Special('ClassVar', None)
Final = _Special('Final', None)
Literal = _Special('Literal', None)
Annotated = _Special('Annotated', None)
List = _Special('List', list)
Dict = _Special('Dict', dict)
Set = _Special('Set', set)
FrozenSet = _Special('FrozenSet', frozenset)
Tuple = _Special('Tuple', tuple)
Type = _Special('Type', type)
Iterable = _Special('Iterable', _abc.Iterable)
Iterator = _Special('Iterator', _abc.Iterator)
Generator = _Special('Generator', _abc.Generator)
Callable = _Special('Callable', _abc.Callable)
Sequence = _Special('Sequence', _abc.Sequence)
MutableSequence = _Special('MutableSequence', _abc.MutableSequence)
Mapping = _Special('Mapping', _abc.Mapping)
MutableMapping = _Special('MutableMapping', _abc.MutableMapping)
Hashable = _Special('Hashable', _abc.Hashable)
Sized = _Special('Sized', _abc.Sized)
Collection = _Special('Collection', _abc.Collection)
Container = _Special('Container', _abc.Container)
AbstractSet = _Special('AbstractSet', _abc.Set)
MutableSet = _Special('MutableSet', _abc.MutableSet)
DefaultDict = _Special('DefaultDict', dict)
Deque = _Special('Deque', list)
NoReturn = _Special('NoReturn', None)
Awaitable = _Special('Awaitable', _abc.Awaitable)
Coroutine = _Special('Coroutine', _abc.Coroutine)
AsyncIterable = _Special('AsyncIterable', _abc.AsyncIterable)
AsyncIterator = _Special('AsyncIterator', _abc.AsyncIterator)
AsyncGenerator = _Special('AsyncGenerator', _abc.AsyncGenerator)


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return ('+' if self.__covariant__ else '-' if self.__contravariant__ else '~') + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


class _NamedTupleMeta(type):
    """class P(NamedTuple): fields from the annotations, defaults from the values, as a collections.namedtuple
    (CPython's NamedTupleMeta; here NamedTuple is a class with this metaclass, not a function)."""

    def __new__(mcls, typename, bases, ns):
        if not bases:
            return super().__new__(mcls, typename, bases, ns)
        from collections import namedtuple
        types = ns.get('__annotations__', {})
        fields = list(types)
        defaults = []
        default_names = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
                default_names.append(name)
            elif defaults:
                raise TypeError("Non-default namedtuple field " + name + " cannot follow default field"
                                + ("s " if len(default_names) > 1 else " ") + ", ".join(default_names))
        nt = namedtuple(typename, fields, defaults=defaults, module=ns.get('__module__', '__main__'))
        nt.__annotations__ = dict(types)
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '__doc__') or key in fields:
                continue
            if key in ('_make', '_asdict', '_replace', '_fields', '_field_defaults', '__new__', '__init__',
                       '__slots__', '__getnewargs__'):
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            setattr(nt, key, value)
        if '__doc__' in ns:
            nt.__doc__ = ns['__doc__']
        return nt

    def __call__(cls, typename, fields=(), **kwargs):
        # the functional form: NamedTuple('P', [('x', int), ('y', str)])
        from collections import namedtuple
        fields = list(fields)
        nt = namedtuple(typename, [name for name, _ in fields])
        nt.__annotations__ = dict(fields)
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    pass
