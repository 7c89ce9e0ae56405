"""enum for PyMem Lab: Enum, IntEnum, StrEnum, auto and unique with CPython's members, lookups, iteration and
texts, written in Python (members are instances of their class, as in CPython; the machinery is simpler)."""

import sys as _sys


class auto:
    """A member value chosen for you: one more than the last (1 first)."""

    def __init__(self):
        self.value = None


def _is_member(name, value):
    if name.startswith('_') or callable(value):
        return False
    return not isinstance(value, (property, classmethod, staticmethod))


class EnumType(type):

    def __new__(mcls, name, bases, namespace, **kwargs):
        members = [(k, v) for k, v in namespace.items() if _is_member(k, v)]
        body = {k: v for k, v in namespace.items() if not any(k == m for m, _ in members)}
        cls = super().__new__(mcls, name, bases, body, **kwargs)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base = int if issubclass(cls, int) else str if issubclass(cls, str) else None
        last = 0
        for member_name, value in members:
            if isinstance(value, auto):
                value = member_name.lower() if base is str else last + 1
            if isinstance(value, int) and not isinstance(value, bool):
                last = value
            existing = cls._value2member_map_.get(value)
            if existing is not None:
                cls._member_map_[member_name] = existing  # an alias
                type.__setattr__(cls, member_name, existing)
                continue
            member = base.__new__(cls, value) if base is not None else object.__new__(cls)
            member._name_ = member_name
            member._value_ = value
            cls._member_names_.append(member_name)
            cls._member_map_[member_name] = member
            cls._value2member_map_[value] = member
            type.__setattr__(cls, member_name, member)
        return cls

    def __call__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__)) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        return value in cls._value2member_map_

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % name)
        super().__setattr__(name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True


EnumMeta = EnumType


class Enum(metaclass=EnumType):

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)


class IntEnum(int, Enum):

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(self, spec)


class StrEnum(str, Enum):

    def __str__(self):
        return str.__str__(self)

    def __format__(self, spec):
        return str.__format__(self, spec)


def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items() if name != member.name]
    if duplicates:
        details = ', '.join('%s -> %s' % (alias, name) for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
