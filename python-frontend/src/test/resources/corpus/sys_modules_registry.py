# sys.modules is the import system's registry: the program's module is there as __main__, an imported module
# is found there, and taking it out makes the next import run the module again
import sys
import json
print('json' in sys.modules, sys.modules['json'] is json, sys.modules['__main__'].__name__, sys.modules[__name__] is sys.modules['__main__'])
print(sys.modules['sys'] is sys, 'builtins' in sys.modules, type(sys.modules).__name__, 'no_such' in sys.modules)
X = 5
print(sys.modules[__name__].X, getattr(sys.modules[__name__], 'X'))
del sys.modules['json']
import json as json2
print(json2 is json, 'json' in sys.modules, sys.modules['json'] is json2)
