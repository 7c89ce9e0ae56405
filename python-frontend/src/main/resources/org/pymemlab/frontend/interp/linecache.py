"""Lines of source files, as linecache gives them: here, of the sources the interpreter has read (the
program and the modules it imported)."""
import _pymemtb

__all__ = ["getline", "getlines", "clearcache", "checkcache", "lazycache"]


def getline(filename, lineno, module_globals=None):
    """The line lineno of filename, with its newline, or '' when there is none."""
    return _pymemtb.getline(filename, lineno)


def getlines(filename, module_globals=None):
    lines = []
    while True:
        line = _pymemtb.getline(filename, len(lines) + 1)
        if not line:
            return lines
        lines.append(line)


def clearcache():
    pass


def checkcache(filename=None):
    pass


def lazycache(filename, module_globals):
    return False
