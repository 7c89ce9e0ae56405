"""types for PyMem Lab: the interpreter's own types, named by asking type() of an example, and SimpleNamespace.

SimpleNamespace is a Python class here (CPython's is a C type holding one dict), so its instances have a
class instance's layout and size.
"""
import sys


def _function():
    pass


def _generator():
    yield 1


async def _coroutine():
    pass


async def _async_generator():
    yield


class _Class:
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = type(lambda: None)
GeneratorType = type(_generator())
_made = _coroutine()
CoroutineType = type(_made)
_made.close()  # closed, so that it does not warn it was never awaited
AsyncGeneratorType = type(_async_generator())
del _made
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])
MappingProxyType = type(_Class.__dict__)
MethodWrapperType = type(object().__str__)
WrapperDescriptorType = type(object.__init__)
MethodDescriptorType = type(str.join)
try:
    raise TypeError
except TypeError as _error:
    TracebackType = type(_error.__traceback__)


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        if mapping_or_iterable != () and sys.version_info < (3, 13):
            raise TypeError("no positional arguments expected")
        for key, value in dict(mapping_or_iterable).items():
            if type(key) is not str:
                raise TypeError("keywords must be strings")
            setattr(self, key, value)
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return name + "(...)"
        _repr_running.add(id(self))
        try:
            return name + "(" + ", ".join(k + "=" + repr(v) for k, v in self.__dict__.items()) + ")"
        finally:
            _repr_running.discard(id(self))

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ != other.__dict__
        return NotImplemented

    __hash__ = None

    if sys.version_info >= (3, 13):
        def __replace__(self, /, **changes):
            result = type(self)(**self.__dict__)
            for key, value in changes.items():
                setattr(result, key, value)
            return result


_repr_running = set()

del _function, _generator, _Class
