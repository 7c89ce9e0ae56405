# open(): text and binary files written and read back, line iteration, seek/tell, append, encodings, and
# CPython's errors for missing files, directories, bad modes and closed or one-way files.
import sys
path = '/tmp/pymem-lab-open-%d.%d.txt' % sys.version_info[:2]  # left behind: the lab has no os.remove
with open(path, 'w') as f:
    print(type(f).__name__, f.mode, f.name, f.closed, f.writable(), f.readable())
    n = f.write('first line\nsecond line\r\nthird')
    print(n)
    print('via print', 1, 2, file=f)
    f.writelines(['a\n', 'b\n'])
print(f.closed)
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path, 'rb') as f:
    print(type(f).__name__, f.read(5), f.readline(), f.tell())
    f.seek(0)
    print(len(f.read()))
with open(path, 'a') as f:
    f.write('appended\n')
print(open(path).read().splitlines()[-1])
with open(path, 'wb') as f:
    f.write(b'\xc3\xa9t\xc3\xa9\n')
print(open(path, encoding='utf-8').read(), open(path, encoding='utf-8').read())
for args in (('/nonexistent/x.txt',), ('/tmp',), (path, 'rw'), (path, 'rbt'), (path, 'b'), (path, 'rb', -1, 'utf-8'), (5.5,)):
    try:
        open(*args)
    except (OSError, ValueError, TypeError, LookupError) as e:
        print(type(e).__name__, e, getattr(e, 'errno', None))
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open(path, 'w') as f:
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.write(b'x')
    except TypeError as e:
        print(e)
import io
print(open is io.open if False else 'skip', issubclass(io.UnsupportedOperation, OSError))
try:
    open(path, 'x')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror)
