# Subscripting a class: exception groups (and the generic built-ins) make a types.GenericAlias, a program's
# class answers through its __class_getitem__ or its metaclass's __getitem__, other classes refuse.
import gc
import sys

a = ExceptionGroup[int]
print(a, repr(a), type(a), a.__origin__, a.__args__, a.__parameters__, sys.getsizeof(a), gc.is_tracked(a))
b = BaseExceptionGroup[int, str]
print(b, b.__args__, BaseExceptionGroup[...], ExceptionGroup[list[int]], ExceptionGroup[ValueError])
print(list[int], dict[str, list[int]], tuple[()], set[float], frozenset[bytes], type[Exception])
print(a == ExceptionGroup[int], a == ExceptionGroup[str], a != ExceptionGroup[str], hash(a) == hash(ExceptionGroup[int]))
print(ExceptionGroup.__class_getitem__(int))
g = a('m', [ValueError(1)])
print(repr(g), type(g), g.__dict__, g.__orig_class__)
print(sys.getrefcount(a))
try:
    isinstance(g, a)
except TypeError as e:
    print(e)


class Group(ExceptionGroup):
    pass


class MyList(list):
    pass


print(Group[int], Group[1, 'x'], Group[None], MyList[int])
for cls in (ValueError, Exception):
    try:
        cls[int]
    except TypeError as e:
        print(e)


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print(e)


class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__} of {item!r}'


class Meta(type):
    def __getitem__(cls, item):
        return ('meta', cls.__name__, item)


class Indexed(metaclass=Meta):
    pass


print(Box[3], Box['x'], Indexed[5])

print('__dict__ assignment')
e = Exception()
e.__dict__ = {'a': 1}
print(e.a, e.__dict__)
d = {'b': 2}
e.__dict__ = d
e.c = 3
print(d, e.__dict__ is d, sys.getrefcount(d))
try:
    e.__dict__ = 5
except TypeError as x:
    print(x)
