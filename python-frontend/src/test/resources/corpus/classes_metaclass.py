# Metaclasses: class M(type), metaclass= , the metaclass's __new__/__init__/__call__/__prepare__,
# __init_subclass__, type(name, bases, dict), type(C), super() inside metaclass methods; refcounts.
import sys

log = []


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        log.append(("new", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw))
        cls = super().__new__(mcs, name, bases, ns)
        cls.made_by = mcs.__name__
        return cls

    def __init__(cls, name, bases, ns, **kw):
        log.append(("init", name))
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        log.append(("call", cls.__name__, args))
        inst = super().__call__(*args, **kw)
        inst.called = True
        return inst

    def describe(cls):
        return "class " + cls.__name__ + " of " + type(cls).__name__

    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(("prepare", name, kw))
        return {"prepared": True}


class Base(metaclass=Meta, flavour="plain"):
    def __init__(self, x):
        self.x = x

    def __init_subclass__(cls, **kw):
        log.append(("init_subclass", cls.__name__, kw))
        super().__init_subclass__()


class Child(Base, flavour="spicy"):
    pass


for entry in log:
    print(entry)
log.clear()
c = Child(5)
print(log, c.x, c.called, Child.made_by, Child.prepared)
print(type(Base) is Meta, type(Child).__name__, type(Meta).__name__, type(type) is type)
print(isinstance(Child, Meta), isinstance(Child, type), isinstance(c, Meta), issubclass(Meta, type))
print(Child.describe(), Meta.__mro__ == (Meta, type, object), [k.__name__ for k in Child.__mro__])
print(hasattr(c, "describe"), Child.__class__ is Meta)


# type(name, bases, dict)
def method(self):
    return "hello from " + type(self).__name__


Dyn = type("Dyn", (Base,), {"greet": method, "n": 3})
log.clear()
d = Dyn(1)
print(type(Dyn).__name__, Dyn.__name__, Dyn.n, d.greet(), d.x, Dyn.__bases__ == (Base,), log)
Plain = type("Plain", (), {"v": 1})
print(Plain.__bases__, Plain.__mro__, Plain().v, type(Plain) is type, Plain.__module__)


# __init_subclass__ with keyword arguments, no metaclass
registry = []


class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, name))


class First(Plugin, name="first"):
    pass


class Second(First):
    pass


opts = {"name": "fourth"}


class Fourth(Plugin, **opts):
    pass


print(registry)
try:
    class Third(object, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)


# a metaclass conflict
class Other(type):
    pass


class WithOther(metaclass=Other):
    pass


try:
    class Both(Base, WithOther):
        pass
except TypeError as e:
    print("TypeError:", e)


# the most derived metaclass wins
class SubMeta(Meta):
    pass


log.clear()


class Derived(Base, metaclass=SubMeta):
    pass


print(type(Derived).__name__, log[0][:3], Derived.made_by)


# a singleton through __call__, and __new__ on an ordinary class
class Single(type):
    instances = {}

    def __call__(cls, *args):
        if cls not in Single.instances:
            Single.instances[cls] = super().__call__(*args)
        return Single.instances[cls]


class Config(metaclass=Single):
    def __init__(self):
        self.n = 0


a = Config()
b = Config()
print(a is b, len(Single.instances))


class Point:
    def __new__(cls, x, y):
        self = super().__new__(cls)
        self.created = (x, y)
        return self

    def __init__(self, x, y):
        self.x = x


p = Point(1, 2)
print(p.created, p.x, type(p).__name__)


class NotMine:
    def __new__(cls):
        return 42


print(NotMine())
try:
    object.__new__(Point, 1)
except TypeError as e:
    print("TypeError:", e)

# refcounts: a class refers to its metaclass; a metaclass to itself (its __mro__)
print(sys.getrefcount(Meta), sys.getrefcount(SubMeta), sys.getrefcount(Single), sys.getrefcount(Base))
print(sys.getrefcount(Config), sys.getrefcount(a), sys.getrefcount(Child), sys.getrefcount(Dyn))
print(sys.getsizeof(Meta) == sys.getsizeof(Base), sys.getsizeof(Plain) == sys.getsizeof(Base))
