"""dataclasses for PyMem Lab: @dataclass, field, fields, asdict, astuple, replace, is_dataclass, with CPython's
results and messages. The generated methods are closures over the fields, not code compiled from source."""



class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,'
                'metadata=%r,kw_only=%r)' % (self.name, self.type, self.default, self.default_factory, self.init,
                                             self.repr, self.hash, self.compare, self.metadata, self.kw_only))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _fields_of(cls, kw_only_default):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, '__dataclass_fields__', {}).values():
            fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    kw_only = kw_only_default
    for name, type_ in annotations.items():
        if type_ == 'KW_ONLY' or getattr(type_, '__name__', None) == '_KW_ONLY_TYPE':
            kw_only = True
            continue
        if type_ == 'ClassVar' or str(type_).startswith('typing.ClassVar') or str(type_).startswith('ClassVar'):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError('mutable default ' + str(type(default)) + ' for field ' + name
                                 + ' is not allowed: use default_factory')
            f = field(default=default)
        f.name = name
        f.type = type_
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        fields[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    return fields


def _process(cls, init, repr, eq, order, frozen, kw_only):
    fields = _fields_of(cls, kw_only)
    cls.__dataclass_fields__ = fields
    all_fields = list(fields.values())
    init_fields = [f for f in all_fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword = [f for f in init_fields if f.kw_only]
    seen_default = None
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = f
        elif seen_default is not None:
            raise TypeError("non-default argument '%s' follows default argument '%s'" % (f.name, seen_default.name))
    qualname = cls.__qualname__

    def set_field(self, name, value):
        if frozen:
            object.__setattr__(self, name, value)
        else:
            setattr(self, name, value)

    if init:
        def __init__(self, *args, **kwargs):
            if len(args) > len(positional):
                required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING])
                takes = ('from %d to %d' % (required + 1, len(positional) + 1) if required < len(positional)
                         else str(len(positional) + 1))
                raise TypeError('%s.__init__() takes %s positional argument%s but %d were given'
                                % (qualname, takes, '' if takes == '1' else 's', len(args) + 1))
            values = {}
            for f, value in zip(positional, args):
                values[f.name] = value
            for name in kwargs:
                if name not in fields or not fields[name].init:
                    raise TypeError("%s.__init__() got an unexpected keyword argument '%s'" % (qualname, name))
                if name in values:
                    raise TypeError("%s.__init__() got multiple values for argument '%s'" % (qualname, name))
                values[name] = kwargs[name]
            missing = [f.name for f in positional + keyword
                       if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                kind = 'keyword-only' if fields[missing[0]].kw_only else 'positional'
                names = ' and '.join(repr_(n) for n in missing) if len(missing) <= 2 else \
                    ', '.join(repr_(n) for n in missing[:-1]) + ', and ' + repr_(missing[-1])
                raise TypeError('%s.__init__() missing %d required %s argument%s: %s'
                                % (qualname, len(missing), kind, '' if len(missing) == 1 else 's', names))
            for f in all_fields:
                if f.name in values:
                    set_field(self, f.name, values[f.name])
                elif f.default_factory is not MISSING:
                    set_field(self, f.name, f.default_factory())
                elif not f.init and f.default is not MISSING:
                    set_field(self, f.name, f.default)
                elif f.default is not MISSING:
                    set_field(self, f.name, f.default)
            post = getattr(self, '__post_init__', None)
            if post is not None:
                post()
        __init__.__qualname__ = qualname + '.__init__'
        cls.__init__ = __init__

    if repr:
        def __repr__(self):
            return qualname + '(' + ', '.join('%s=%r' % (f.name, getattr(self, f.name))
                                             for f in all_fields if f.repr) + ')'
        cls.__repr__ = __repr__

    compared = [f.name for f in all_fields if f.compare]

    def as_tuple(self):
        return tuple(getattr(self, name) for name in compared)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__
        if not frozen and '__hash__' not in cls.__dict__:
            cls.__hash__ = None
        elif frozen:
            def __hash__(self):
                return hash(as_tuple(self))
            cls.__hash__ = __hash__

    if order:
        def make(op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(as_tuple(self), as_tuple(other))
                return NotImplemented
            return compare
        cls.__lt__ = make(lambda a, b: a < b)
        cls.__le__ = make(lambda a, b: a <= b)
        cls.__gt__ = make(lambda a, b: a > b)
        cls.__ge__ = make(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '%s'" % name)

        def __delattr__(self, name):
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    cls.__match_args__ = tuple(f.name for f in positional)
    return cls


def repr_(name):
    return "'" + name + "'"


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        found = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(found.values())


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _convert(value, factory):
    if is_dataclass(value) and not isinstance(value, type):
        return factory([(f.name, _convert(getattr(value, f.name), factory)) for f in fields(value)])
    if isinstance(value, (list, tuple)):
        return type(value)(_convert(v, factory) for v in value)
    if isinstance(value, dict):
        return type(value)((_convert(k, factory), _convert(v, factory)) for k, v in value.items())
    return value


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple_factory(_convert(getattr(obj, f.name), lambda pairs: tuple(v for k, v in pairs))
                         for f in fields(obj))


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
