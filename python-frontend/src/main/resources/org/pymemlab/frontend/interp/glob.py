"""Filename globbing: the paths matching a pattern of shell wildcards, directory by directory, with '**' for
any depth when recursive. Names starting with '.' match only a pattern that starts with '.' (or with
include_hidden). The order is the directories' listing order, as CPython's is os.scandir's."""
import fnmatch
import os
import re

__all__ = ["escape", "glob", "iglob"]

_MAGIC = re.compile("([*?[])")


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and pathname[:2] == "**":
        try:
            first = next(it)
            if first:
                it = _chain(first, it)
        except StopIteration:
            pass
    return it


def _chain(first, rest):
    yield first
    yield from rest


def _join(root, path):
    return os.path.join(root, path) if root else path


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _exists(_join(root_dir, pathname)):
                yield pathname
        elif _isdir(_join(root_dir, dirname)):
            yield pathname
        return
    if not dirname:
        if recursive and basename == "**":
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        glob_in_dir = _glob2 if recursive and basename == "**" else _glob1
    else:
        glob_in_dir = _glob0
    for d in dirs:
        for name in glob_in_dir(_join(root_dir, d), basename, dironly, include_hidden):
            yield os.path.join(d, name)


def _listdir(dirname, dironly):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    if dironly:
        names = [n for n in names if _isdir(os.path.join(dirname, n))]
    return names


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _listdir(dirname, dironly)
    if not (include_hidden or pattern.startswith(".")):
        names = [n for n in names if not n.startswith(".")]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden):
    if basename:
        if _exists(os.path.join(dirname, basename)):
            return [basename]
    elif _isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden):
    """'**': the directory itself ('') and everything under it, relative."""
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _rlistdir(dirname, dironly, include_hidden):
    for name in _listdir(dirname, dironly):
        if include_hidden or not name.startswith("."):
            yield name
            path = os.path.join(dirname, name) if dirname else name
            if _isdir(path):
                for sub in _rlistdir(path, dironly, include_hidden):
                    yield os.path.join(name, sub)


def _exists(path):
    return os.path.exists(path)


def _isdir(path):
    return os.path.isdir(path)


def has_magic(s):
    return _MAGIC.search(s) is not None


def escape(pathname):
    """The pathname with its wildcard characters bracketed, so that they match themselves."""
    drive, pathname = os.path.splitdrive(pathname) if hasattr(os.path, "splitdrive") else ("", pathname)
    return drive + _MAGIC.sub(r"[\1]", pathname)
