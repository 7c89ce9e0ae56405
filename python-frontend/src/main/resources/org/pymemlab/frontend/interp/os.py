"""os for PyMem Lab: the process and file-system names programs use most, over the interpreter's file
primitives (_pymemio). os.path is the bundled posixpath. environ is a plain dict copied at import (CPython's is
an os._Environ that writes through to the process), and stat() answers the size, the times and the kind of
file only."""
import _pymemio
import posixpath as path

name = 'posix'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
environ = _pymemio.environ()


fspath = path._fspath


def _str(p):
    p = fspath(p)
    return p.decode() if isinstance(p, bytes) else p


def getcwd():
    return _pymemio.getcwd()


def getpid():
    return _pymemio.getpid()


def getenv(key, default=None):
    return environ.get(key, default)


def cpu_count():
    return _pymemio.cpu_count()


class stat_result:
    """What stat() tells: st_mode (the file type bits), st_size, st_mtime, st_atime and st_ctime."""

    def __init__(self, mode, size, mtime):
        self.st_mode = mode
        self.st_size = size
        self.st_mtime = self.st_atime = self.st_ctime = mtime

    def __repr__(self):
        return 'os.stat_result(st_mode=%d, st_size=%d, st_mtime=%r)' % (self.st_mode, self.st_size, self.st_mtime)


def stat(p):
    kind, size, mtime = _pymemio.stat(_str(p))
    return stat_result((0o100644, 0o40755, 0o644)[kind], size, mtime)


def lstat(p):
    """stat() without following a link: the same here, as the lab's files have no links."""
    return stat(p)


def listdir(p='.'):
    names = _pymemio.listdir(_str(p))
    return [n.encode() for n in names] if isinstance(fspath(p), bytes) else names


def remove(p):
    _pymemio.remove(_str(p))


unlink = remove


def rmdir(p):
    _pymemio.rmdir(_str(p))


def mkdir(p, mode=0o777):
    _pymemio.mkdir(_str(p))


def makedirs(name, mode=0o777, exist_ok=False):
    name = _str(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, exist_ok=exist_ok)
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rename(src, dst):
    _pymemio.rename(_str(src), _str(dst))


replace = rename
