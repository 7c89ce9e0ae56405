# exec(), eval() and compile() refuse bad arguments with CPython's errors.
tests = [
    lambda: exec(1), lambda: eval(1), lambda: exec('x', []), lambda: exec('x', {}, 5), lambda: eval('x', {}, 5),
    lambda: compile('x', 'f', 'bad'), lambda: compile(1, 'f', 'exec'), lambda: exec(), lambda: eval('1', None, None, 1),
    lambda: compile('x = 1', 'f', 'eval'), lambda: eval('x = 1'), lambda: exec(compile('1', 'f', 'eval')),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
c = compile('a + 1', 'myfile', 'eval')
print(type(c).__name__, repr(c)[:25], eval(c, {'a': 2}))
