# exec() and eval() at module level, in a function (its locals a snapshot), in a class body, with their own
# globals and locals, and compile()'s code objects; SyntaxError's fields and str as CPython sets them.
import sys
x = 10
exec('y = x + 1')
print(y)
g = {}
exec('a = 1\ndef f(n):\n    return n + a\nb = f(2)', g)
print(sorted(g), g['b'], g['__builtins__']['len'] is len)
l = {}
exec('c = 3\nd = c * 2', g, l)
print(sorted(l), 'c' in g)
print(eval('x * 2'), eval('a + b', g), eval('c + q', g, {'c': 5, 'q': 1}), eval('  1 + 1'))
def func():
    z = 5
    exec('w = z + 1')
    print(eval('z * 3'))
    ns = {}
    exec('w = 1 + 1', globals(), ns)
    print(ns)
func()
class K:
    exec('attr = 42')
print(K.attr)
code = compile('total = sum(range(n))', '<calc>', 'exec')
for n in (3, 4):
    env = {'n': n}
    exec(code, env)
    print(env['total'])
e = compile('n * 2', '<e>', 'eval')
print(eval(e, {'n': 21}), exec(e, {'n': 1}))
ns = {}
exec('class C:\n    v = 1\n    def m(self):\n        return self.v\nr = C().m()', ns)
print(ns['r'], ns['C'].__module__ if '__name__' in ns else ns['C'].__module__)
exec('def outer():\n    k = 1\n    def inner():\n        return k\n    return inner()\nres = outer()', ns)
print(ns['res'])
for src in ('x = (1 +', 'def f(:\n    pass', 'if True:\npass', 'return 5', 'yield 1', 'a = 1\nb = ]'):
    try:
        exec(src)
    except SyntaxError as err:
        print(type(err).__name__, err.msg, err.lineno, err.filename, repr(err.text))
try:
    eval('x = 1')
except SyntaxError as err:
    print(err.msg, err.lineno)
try:
    exec('1 / 0')
except ZeroDivisionError as err:
    print('ZeroDivisionError', err)
e = SyntaxError('m', ('f.py', 1, 2, 'txt', 1, 3))
print(str(e), repr(e), e.args, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
print(str(SyntaxError('x')), str(SyntaxError()), SyntaxError('x').filename, issubclass(TabError, IndentationError))
try:
    SyntaxError('a', 'b')
except TypeError as err:
    print(err)
print(sys.getrefcount(g) >= 2)
