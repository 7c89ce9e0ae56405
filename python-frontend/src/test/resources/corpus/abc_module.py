# abc: abstract methods, the instantiation error (worded per version), register and __subclasshook__.
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def perimeter(self): ...
class Sq(Shape):
    def area(self): return 1
try:
    Shape()
except TypeError as e:
    print(e)
try:
    Sq()
except TypeError as e:
    print(e)
class Full(Sq):
    def perimeter(self): return 4
f = Full()
print(f.area(), f.perimeter(), isinstance(f, Shape), sorted(Shape.__abstractmethods__), Full.__abstractmethods__)
class Other(metaclass=abc.ABCMeta):
    pass
Other.register(int)
print(isinstance(1, Other), issubclass(int, Other), issubclass(str, Other), type(Other).__name__)
class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "quack") or NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hooked), isinstance(1, Hooked), Shape.area.__isabstractmethod__)
