# A class whose metaclass defines __new__ still reads object.__new__ through its own MRO first, as type_getattro does
class M(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)
    def meth(cls):
        return "meta meth"
class C(metaclass=M):
    def meth(self):
        return "class meth"
print(C.meth(C()), type(C.__new__).__name__)
print(C.__new__(C).__class__.__name__)
