# The builtins module (the dict every module's __builtins__ is) and the types module: the interpreter's types
# by name, and SimpleNamespace.
import builtins, types, sys
print(builtins.len is len, builtins.__name__, type(builtins).__name__, builtins)
print(types.FunctionType, types.GeneratorType, types.MethodType, types.BuiltinFunctionType, types.ModuleType)
print(types.NoneType, types.TracebackType, types.GenericAlias)
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns.b)
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[1]), ns != types.SimpleNamespace())
del ns.a
print(ns, vars(ns))
class Sub(types.SimpleNamespace):
    pass
print(Sub(z=3))
try:
    hash(ns)
except TypeError as e:
    print(type(e).__name__)
builtins.my_global_thing = 5
print(my_global_thing)
if sys.version_info >= (3, 13):
    print(types.SimpleNamespace({"p": 1}, q=2))
else:
    print("namespace(p=1, q=2)")
try:
    types.SimpleNamespace(**{"ok": 1}, **{"fine": 2}).__dict__["x"] = 1
    print("dict writable")
except TypeError as e:
    print(e)
