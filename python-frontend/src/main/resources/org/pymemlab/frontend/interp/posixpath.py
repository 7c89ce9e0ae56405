"""os.path for PyMem Lab: POSIX path names as posixpath handles them (the string rules written again), and the
questions about files answered through the interpreter's file primitives (_pymemio)."""
import _pymemio

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fspath(p):
    """os.fspath: a str or bytes as it is, else what the object's __fspath__ gives."""
    if isinstance(p, (str, bytes)):
        return p
    method = getattr(type(p), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(p).__name__)
    result = method(p)
    if not isinstance(result, (str, bytes)):
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(p).__name__, type(result).__name__))
    return result


_text = _fspath


def _slash(p):
    return b'/' if isinstance(p, bytes) else '/'


def isabs(s):
    s = _text(s)
    return s.startswith(_slash(s))


def join(a, *p):
    a = _text(a)
    slash = _slash(a)
    path = a
    for b in map(_text, p):
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path = path + b
        else:
            path = path + slash + b
    return path


def split(p):
    p = _text(p)
    slash = _slash(p)
    cut = p.rfind(slash) + 1
    head, tail = p[:cut], p[cut:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    p = _text(p)
    slash = _slash(p)
    dot = b'.' if isinstance(p, bytes) else '.'
    last_slash = p.rfind(slash)
    last_dot = p.rfind(dot)
    if last_dot > last_slash:
        # leading dots of the file name start no extension (".bashrc")
        for k in range(last_slash + 1, last_dot):
            if p[k:k + 1] != dot:
                return p[:last_dot], p[last_dot:]
    return p, p[:0]


def normcase(s):
    """On POSIX, names are case-sensitive: the name itself."""
    return s


def normpath(path):
    path = _text(path)
    slash = _slash(path)
    dot, dotdot = (b'.', b'..') if isinstance(path, bytes) else ('.', '..')
    if not path:
        return dot
    leading = 0
    if path.startswith(slash):
        # one or two leading slashes are kept (POSIX gives // its own meaning), three or more are one
        leading = 2 if path.startswith(slash * 2) and not path.startswith(slash * 3) else 1
    kept = []
    for part in path.split(slash):
        if part in (path[:0], dot):
            continue
        if part != dotdot or (not leading and not kept) or (kept and kept[-1] == dotdot):
            kept.append(part)
        elif kept:
            kept.pop()
    path = slash * leading + slash.join(kept)
    return path or dot


def abspath(path):
    path = _text(path)
    if not isabs(path):
        cwd = _pymemio.getcwd()
        path = join(cwd.encode() if isinstance(path, bytes) else cwd, path)
    return normpath(path)


def commonprefix(m):
    """The longest leading run (by character) that every path of m shares."""
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def relpath(path, start=None):
    """path relative to start (the current directory by default), through '..' where it must."""
    if not path:
        raise ValueError("no path specified")
    path = _text(path)
    if start is None:
        start = '.' if isinstance(path, str) else b'.'
    start = _text(start)
    slash = _slash(path)
    start_names = [x for x in abspath(start).split(slash) if x]
    path_names = [x for x in abspath(path).split(slash) if x]
    common = len(commonprefix([start_names, path_names]))
    names = [('..' if isinstance(path, str) else b'..')] * (len(start_names) - common) + path_names[common:]
    if not names:
        return '.' if isinstance(path, str) else b'.'
    return join(*names)


def _stat_raising(path):
    path = _text(path)
    return _pymemio.stat(path if isinstance(path, str) else path.decode())


def _stat(path):
    try:
        return _stat_raising(path)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat(path) is not None


def isfile(path):
    st = _stat(path)
    return st is not None and st[0] == 0


def isdir(path):
    st = _stat(path)
    return st is not None and st[0] == 1


def getsize(filename):
    return _stat_raising(filename)[1]


def getmtime(filename):
    return _stat_raising(filename)[2]
