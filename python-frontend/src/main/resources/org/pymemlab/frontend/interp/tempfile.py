"""Temporary files and directories under the system's temporary directory (TMPDIR, TEMP, TMP, else /tmp), with
CPython's names: a prefix ('tmp'), eight random characters, a suffix. No file descriptors here: mkstemp is
not available."""
import os
import random as _random
import shutil as _shutil
import io as _io

__all__ = ["NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory", "mkdtemp", "mktemp", "gettempdir",
           "gettempprefix", "tempdir", "template", "TMP_MAX"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_rng = None


def _random_name():
    global _rng
    if _rng is None:
        _rng = _random.Random()
    return "".join(_rng.choice(_CHARACTERS) for _ in range(8))


def gettempprefix():
    return template


def gettempdir():
    global tempdir
    if tempdir is None:
        for env in ("TMPDIR", "TEMP", "TMP"):
            d = os.environ.get(env)
            if d and os.path.isdir(d):
                tempdir = os.path.abspath(d)
                break
        else:
            tempdir = "/tmp"
    return tempdir


def _parts(suffix, prefix, dir):
    return (suffix if suffix is not None else "", template if prefix is None else prefix,
            gettempdir() if dir is None else os.fspath(dir))


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Makes a new directory with a name of its own and returns its absolute path."""
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.exists(name):
            return name
    raise FileExistsError(17, "No usable temporary filename found")


class TemporaryDirectory:
    """A temporary directory removed with what it holds when the with block ends (or cleanup() is called)."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False, *, delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._removed = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        if not self._removed and os.path.exists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
        self._removed = True


class _TemporaryFileWrapper:
    """A file with a name, removed when closed when delete is true."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if not self.file.closed:
            self.file.close()
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None,
                       delete=True, *, errors=None, delete_on_close=True):
    suffix, prefix, dir = _parts(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.abspath(os.path.join(dir, prefix + _random_name() + suffix))
        if not os.path.exists(name):
            break
    file = _io.open(name, mode.replace("w", "x") if "w" in mode else mode, buffering, encoding, errors, newline)
    return _TemporaryFileWrapper(file, name, delete)


TemporaryFile = NamedTemporaryFile
