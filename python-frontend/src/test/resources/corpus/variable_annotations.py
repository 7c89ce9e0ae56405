# Variable annotations at module and class level go into __annotations__ (evaluated, so an undefined name
# raises NameError); a function's local ones are not evaluated; a class without any gets an empty dict.
x: int = 5
y: "str"
class C:
    a: int
    b: list = []
    def m(self):
        z: Undefined = 1
        return z
print(__annotations__, C.__annotations__, C().m(), x)
print('__annotations__' in C.__dict__)
try:
    class D:
        q: Missing = 1
except NameError as e:
    print(e)
class E:
    pass
print(hasattr(E, '__annotations__') and E.__annotations__)
