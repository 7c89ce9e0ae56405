"""Object-oriented paths, POSIX flavour: PurePath and PurePosixPath compute with names, Path and PosixPath also
reach the file system (through os). Windows paths are not here."""
import fnmatch
import io
import os
import posixpath
import sys

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(args):
    """The root and the normalized names of the joined path segments (as pathlib's parser does: empty and '.'
    names go, '..' stays; two leading slashes stay two, three or more are one)."""
    root = ""
    names = []
    for a in args:
        if isinstance(a, PurePath):
            a = str(a)
        else:
            a = os.fspath(a)
            if not isinstance(a, str):
                raise TypeError("argument should be a str or an os.PathLike object where __fspath__ returns "
                                "a str, not %r" % type(a).__name__)
        if a.startswith("/"):
            root = "//" if a.startswith("//") and not a.startswith("///") else "/"
            names = []
        names.extend(n for n in a.split("/") if n and n != ".")
    return root, names


class _Parents:
    """path.parents: the ancestors, nearest first; a sequence."""

    def __init__(self, path):
        self._path = path
        self._count = len(path._names)

    def __len__(self):
        return self._count

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._count)))
        if idx >= self._count or idx < -self._count:
            raise IndexError(idx)
        if idx < 0:
            idx += self._count
        return self._path._from(self._path._root, self._path._names[:-idx - 1])

    def __iter__(self):
        for i in range(self._count):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path as names: no file system access."""

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        self._root, self._names = _parse(args)
        self._str = None

    def _from(self, root, names):
        p = object.__new__(type(self))
        p._root = root
        p._names = list(names)
        p._str = None
        return p

    def with_segments(self, *pathsegments):
        return type(self)(*pathsegments)

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._names)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, "fsencode") else str(self).encode()

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return "file://" + str(self)

    def _key(self):
        return (self._root, self._names)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other) and isinstance(other, PurePosixPath) == isinstance(self, PurePosixPath)

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() < other._parts_key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() <= other._parts_key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() > other._parts_key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() >= other._parts_key()

    def _parts_key(self):
        return str(self).split("/")

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return ((self._root,) if self._root else ()) + tuple(self._names)

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        return name[i:] if 0 < i < len(name) - 1 else ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        return name[:i] if 0 < i < len(name) - 1 else name

    @property
    def parent(self):
        if not self._names:
            return self
        return self._from(self._root, self._names[:-1])

    @property
    def parents(self):
        return _Parents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._from(self._root, self._names[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = (name[:-len(old)] if old else name) + suffix
        return self._from(self._root, self._names[:-1] + [name])

    def relative_to(self, other, *_deprecated, walk_up=False):
        if _deprecated:
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        if sys.version_info < (3, 12):
            n = len(other._names)
            if other._root != self._root or self._names[:n] != other._names:
                raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is "
                                 "absolute.".format(str(self), str(other)))
            return self._from("", self._names[n:])
        for step, path in enumerate([other] + list(other.parents)):
            if path._root == self._root and self._names[:len(path._names)] == path._names:
                break
            elif not walk_up:
                raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}")
            elif path.name == "..":
                raise ValueError(f"'..' segment in {str(other)!r} cannot be walked")
        else:
            raise ValueError(f"{str(self)!r} and {str(other)!r} have different anchors")
        return self._from("", [".."] * step + self._names[len(path._names):])

    def is_relative_to(self, other, *_deprecated):
        if not isinstance(other, PurePath):
            other = self.with_segments(other, *_deprecated)
        n = len(other._names)
        return other._root == self._root and self._names[:n] == other._names

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def joinpath(self, *pathsegments):
        return self.with_segments(self, *pathsegments)

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    def match(self, path_pattern, *, case_sensitive=None):
        """Whether the path's last names match the pattern's names (all of them, for an absolute pattern)."""
        pat = self.with_segments(path_pattern)
        if not pat._names:
            raise ValueError("empty pattern")
        if pat._root:
            if pat._root != self._root or len(pat._names) != len(self._names):
                return False
        elif len(pat._names) > len(self._names):
            return False
        for name, pattern in zip(reversed(self._names), reversed(pat._names)):
            if not fnmatch.fnmatchcase(name, pattern):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


class Path(PurePath):
    """A path that also reaches the file system."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.environ.get("HOME", "/"))

    def absolute(self):
        if self.is_absolute():
            return self
        return self.with_segments(os.getcwd(), self)

    def resolve(self, strict=False):
        """The absolute path with '..' taken against its parent (links are not followed here)."""
        path = posixpath.normpath(str(self.absolute()))
        if strict and not os.path.exists(path):
            raise FileNotFoundError(2, "No such file or directory", path)
        return self.with_segments(path)

    def stat(self, *, follow_symlinks=True):
        return os.stat(self)

    def exists(self, *, follow_symlinks=True):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return False

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        if "b" not in mode:
            encoding = encoding or "utf-8"
        return io.open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None, newline=None):
        with self.open(mode="r", encoding=encoding, errors=errors, newline=newline) as f:
            return f.read()

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open(mode="wb") as f:
            return f.write(view)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._from(self._root, self._names + [name])

    def glob(self, pattern, *, case_sensitive=None):
        """The paths under this directory whose names match the pattern, name by name ('**' is any depth)."""
        pat = self.with_segments(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if not pat._names:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        yield from self._glob(pat._names)

    def rglob(self, pattern, *, case_sensitive=None):
        yield from self.glob("**/" + pattern if pattern else "**")

    def _glob(self, names):
        first, rest = names[0], names[1:]
        if first == "**":
            for d in self._walk_dirs():
                if rest:
                    yield from d._glob(rest)
                else:
                    yield d
            return
        if not self.is_dir():
            return
        if not any(c in first for c in "*?["):
            child = self / first
            if rest:
                if child.is_dir():
                    yield from child._glob(rest)
            elif child.exists():
                yield child
            return
        for name in os.listdir(self):
            if name.startswith(".") and not first.startswith("."):
                continue
            if fnmatch.fnmatchcase(name, first):
                child = self / name
                if rest:
                    if child.is_dir():
                        yield from child._glob(rest)
                else:
                    yield child

    def _walk_dirs(self):
        yield self
        try:
            names = os.listdir(self)
        except OSError:
            return
        for name in names:
            child = self / name
            if child.is_dir():
                yield from child._walk_dirs()

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            return
        with self.open("a"):
            pass

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        os.replace(self, target)
        return self.with_segments(target)

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, Path) else self.with_segments(other_path)
        return self.resolve() == other.resolve()

    def expanduser(self):
        if self._names and self._names[0] == "~" and not self._root:
            return self.home().joinpath(*self._names[1:])
        return self


class PosixPath(Path, PurePosixPath):
    __slots__ = ()
