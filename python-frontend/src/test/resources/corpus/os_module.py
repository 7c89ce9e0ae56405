# os and os.path: POSIX path names split, joined and normalized as posixpath does, the file system (listdir,
# makedirs, rename, remove, rmdir, stat) with CPython's OSError subclasses, the environment and fspath.
import sys
import os
import os.path
from os.path import join, splitext
import collections.abc
print(os.name, os.sep, os.linesep == '\n', os.path is not os, type(os.getpid()).__name__, os.getcwd() == os.path.abspath('.'))
print(collections.abc.Mapping.__name__, collections.abc is not collections)
for p in ('a/b/c.txt', '/', '//x', '///x', 'a//b/', '', '.bashrc', 'dir/.hidden', 'x.tar.gz', '..', 'a/../../b', '/a/./b/../c/'):
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p), splitext(p), os.path.normpath(p), os.path.isabs(p))
print(join('a', 'b', 'c'), join('a/', '/b', 'c'), join('', 'x'), join('a', ''), join(b'a', b'b'))
try:
    join('a', b'b')
except TypeError as e:
    print(e)
base = '/tmp/pymem-lab-os-%d.%d' % sys.version_info[:2]
if os.path.exists(base):
    for n in os.listdir(base):
        (os.rmdir if os.path.isdir(os.path.join(base, n)) else os.remove)(os.path.join(base, n))
    os.rmdir(base)
os.makedirs(base + '/sub', exist_ok=True)
os.makedirs(base + '/sub', exist_ok=True)
with open(os.path.join(base, 'f.txt'), 'w') as f:
    f.write('12345')
print(sorted(os.listdir(base)), os.path.isdir(base + '/sub'), os.path.isfile(base + '/f.txt'), os.path.getsize(base + '/f.txt'), os.stat(base + '/f.txt').st_size)
os.rename(base + '/f.txt', base + '/g.txt')
print(sorted(os.listdir(base)), os.path.exists(base + '/f.txt'))
for bad in (lambda: os.remove(base + '/nope'), lambda: os.rmdir(base), lambda: os.mkdir(base), lambda: os.listdir(base + '/g.txt'), lambda: os.makedirs(base + '/sub'), lambda: os.stat(base + '/nope'), lambda: os.remove(base + '/sub')):
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, (e.filename or '').replace(base, 'BASE'))
os.rmdir(base + '/sub')
os.remove(base + '/g.txt')
os.rmdir(base)
print(os.path.exists(base), os.getenv('PYMEM_NO_SUCH_VARIABLE', 'unset'), 'PATH' in os.environ, os.fspath('x'))
class P:
    def __fspath__(self):
        return 'fs'
print(os.fspath(P()), os.path.join(P(), 'y'))
import os
for f in (lambda: open("a\0b"), lambda: os.listdir("x\0"), lambda: os.path.exists("a\0")):
    try:
        print(f())
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
