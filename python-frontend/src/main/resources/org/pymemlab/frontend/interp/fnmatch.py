"""Shell-style wildcards: * any run, ? one character, [seq] and [!seq] one of (or none of) a set. On POSIX the
match is case-sensitive, so fnmatch and fnmatchcase agree."""
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    match = _cache.get(pat)
    if match is None:
        match = _cache[pat] = re.compile(translate(pat)).match
    return match(name) is not None


def filter(names, pat):
    return [name for name in names if fnmatchcase(name, pat)]


_STAR = object()


def translate(pat):
    """The regular expression that matches what pat matches, as fnmatch.translate writes it: the fixed text
    between two stars is an atomic group after a lazy run, so that matching never backtracks into it."""
    pieces = _pieces(pat)
    head = []
    i = 0
    while i < len(pieces) and pieces[i] is not _STAR:
        head.append(pieces[i])
        i += 1
    out = ["".join(head)]
    while i < len(pieces):
        i += 1  # a star
        fixed = []
        while i < len(pieces) and pieces[i] is not _STAR:
            fixed.append(pieces[i])
            i += 1
        if i < len(pieces):
            out.append("(?>.*?" + "".join(fixed) + ")")
        else:
            out.append(".*" + "".join(fixed))
    return "(?s:" + "".join(out) + ")\\Z"


def _pieces(pat):
    """The pattern as regular expression pieces, each run of stars one _STAR marker."""
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not out or out[-1] is not _STAR:
                out.append(_STAR)
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
            else:
                stuff = pat[i:j].replace("\\", "\\\\")
                i = j + 1
                if not stuff:
                    out.append("(?!)")
                elif stuff == "!":
                    out.append(".")
                else:
                    if stuff[0] == "!":
                        stuff = "^" + stuff[1:]
                    elif stuff[0] in ("^", "["):
                        stuff = "\\" + stuff
                    out.append("[" + stuff + "]")
        else:
            out.append(re.escape(c))
    return out
