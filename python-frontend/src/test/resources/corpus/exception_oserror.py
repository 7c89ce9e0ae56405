# OSError as CPython's: errno, strerror, filename and filename2 parsed from 2 to 5 arguments (args keeping
# the first two when a filename is given), "[Errno N] …" text, the subclass its errno names, and
# BlockingIOError's characters_written.
import sys
for args in [(), ('x',), (2, 'No such file'), (2, 'No such file', 'a.txt'), (13, 'Denied', 'f', None, 'g'),
             (1, 2, 3, 4, 5, 6), (99999, 'odd'), ('e', 's'), (17, 'Exists', None)]:
    o = OSError(*args)
    print(type(o).__name__, repr(o), str(o), o.args, o.errno, o.strerror, o.filename, o.filename2)
o = OSError(2, 'x')
o.errno = 5; o.strerror = 'y'; o.filename = 'z'
print(str(o), o.args, o.errno)
try: print(o.characters_written)
except AttributeError as e: print(e)
f = FileNotFoundError(2, 'missing', 'p')
print(type(f).__mro__, str(f), sys.getsizeof(f), issubclass(FileNotFoundError, OSError))
print(EnvironmentError is OSError, IOError is OSError)
for cls in (BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
            ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError,
            IsADirectoryError, NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError):
    print(cls.__name__, cls.__base__.__name__, sys.getsizeof(cls(1, 'x')))
for n in (1, 3, 4, 10, 11, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115):
    print(n, type(OSError(n, 'x')).__name__, end='; ')
print()
b = BlockingIOError(11, 'would block', 7)
print(b.characters_written, b.args, b.filename, str(b))
b.characters_written = 3
print(b.characters_written)
del b.characters_written
for action in (lambda: b.characters_written, lambda: delattr(b, 'characters_written')):
    try:
        action()
    except AttributeError as e:
        print('AttributeError', e)
try:
    b.characters_written = 'many'
except TypeError as e:
    print(e)
print(FileNotFoundError(1, 'not remapped').errno, type(FileNotFoundError(13, 'x')).__name__)


class MyOSError(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = len(args)


m = MyOSError(2, 'mine', 'file')
print(type(m).__name__, m.errno, m.filename, m.args, m.extra, str(m), m.__dict__)
print(OSError.errno, OSError.characters_written, ImportError('only msg'), str(ImportError('a', 'b')))
