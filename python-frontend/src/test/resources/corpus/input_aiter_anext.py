# stdin: 'world\nsecond\n'
# input() reads standard input's lines (the prompt to stdout) until EOFError; aiter() and anext(), with a
# default too; the exception classes and warning categories added with them.
import sys
print(EOFError.__mro__[1].__name__, [c.__name__ for c in (RuntimeWarning, SyntaxWarning, FutureWarning, PendingDeprecationWarning, ImportWarning, UnicodeWarning, BytesWarning, EncodingWarning)], IOError is OSError, EnvironmentError is OSError, FloatingPointError.__mro__[1].__name__)
name = input('name? ')
print('hello', name)
print(repr(input()))
try:
    input('more? ')
except EOFError as e:
    print('EOFError', e)

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def ag():
    yield 1
    yield 2

async def main():
    g = aiter(ag())
    print(await anext(g), await anext(g), await anext(g, 'done'), await anext(g, 'again'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    class It:
        def __aiter__(self):
            return self
        async def __anext__(self):
            raise StopAsyncIteration
    print(await anext(aiter(It()), 'dflt'))
    return 'ok'
print(run(main()))
for bad in (lambda: anext(1), lambda: aiter(1), lambda: anext(ag(), 1, 2)):
    try:
        bad()
    except TypeError as e:
        print(e)
