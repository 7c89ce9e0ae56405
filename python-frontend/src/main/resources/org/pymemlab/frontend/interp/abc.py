"""abc for PyMem Lab: abstract base classes as CPython's abc module has them.

ABCMeta computes __abstractmethods__ as CPython does, refuses to instantiate a class that still has some (with
each version's message), and answers isinstance/issubclass by inheritance, registration and
__subclasshook__. CPython keeps its registries in C (_abc) with weak references and caches; here they are
plain lists, so they keep the registered classes alive.
"""
import sys


def abstractmethod(funcobj):
    """Marks a method abstract: a class that has it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """Deprecated: an abstract class method (a classmethod here, not a subclass of it)."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: an abstract static method (a staticmethod here, not a subclass of it)."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: an abstract property (a property here, not a subclass of it)."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _abstract_names(cls, namespace):
    """_abc__abc_init's compute_abstract_methods: the namespace's abstract names, and the bases' still abstract."""
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", set()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """The metaclass of abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", ())
        if abstracts:
            names = sorted(abstracts)
            plural = "s" if len(names) > 1 else ""
            if sys.version_info >= (3, 12):
                listed = ", ".join("'%s'" % n for n in names)
                raise TypeError("Can't instantiate abstract class %s without an implementation for abstract "
                                "method%s %s" % (cls.__name__, plural, listed))
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, plural, ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Registers subclass as a virtual subclass of this ABC."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        hook = cls.__subclasshook__(subclass)
        if hook is not NotImplemented:
            return bool(hook)
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        for scls in type.__subclasses__(cls) if hasattr(type, "__subclasses__") else ():
            if issubclass(subclass, scls):
                return True
        return False

    def __subclasshook__(cls, subclass):
        return NotImplemented


class ABC(metaclass=ABCMeta):
    """A helper class whose metaclass is ABCMeta."""
    __slots__ = ()


def get_cache_token():
    """A token that changes when a class is registered; the lab keeps no caches, so it is constant."""
    return 0


def update_abstractmethods(cls):
    """Recomputes an ABC's __abstractmethods__ after its methods changed."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    cls.__abstractmethods__ = _abstract_names(cls, vars(cls))
    return cls
