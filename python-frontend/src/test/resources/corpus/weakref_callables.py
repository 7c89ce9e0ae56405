# Weak references to functions, methods, modules, classes, generators and code objects (their CPython structs
# have a weak reference list): the reference dies with its target, callbacks run, a WeakValueDictionary of
# functions or classes forgets them, and a class in a garbage cycle (its methods refer to it) has its weak
# references cleared by the collector.
import gc, sys, weakref

gc.disable()

def callback(ref):
    print("  callback, target gone:", ref() is None)

def function():
    pass
class Plain:
    def method(self):
        pass
def generator():
    yield 1

targets = [function, sys, Plain, generator(), Plain().method, len, (lambda: 0), sys._getframe().f_code]
for target in targets:
    ref = weakref.ref(target)
    print(type(target).__name__, ref() is target, weakref.getweakrefcount(target))

def transient():
    pass
r = weakref.ref(transient, callback)
del transient
print("function after del:", r())

g = generator()
r = weakref.ref(g, callback)
next(g)
del g
print("generator after del:", r())

class Cyclic:
    def me(self):
        return Cyclic
r = weakref.ref(Cyclic, callback)
del Cyclic
print("class alive before collecting:", r() is not None)
print("collected something:", gc.collect() > 0)
print("class after collecting:", r())

registry = weakref.WeakValueDictionary()
def handler():
    pass
registry["handler"] = handler
registry["module"] = sys
print(sorted(registry))
del handler
print(sorted(registry))

m = Plain().method
wm = weakref.ref(m)
del m
print("a bound method is made on each read:", wm() is None)
p = weakref.proxy(function)
print("proxy call:", p())
