"""re for PyMem Lab: CPython's regular-expression API over the Java engine of _re.

_re translates a pattern from Python's syntax (with re's error messages and positions) to java.util.regex and
answers matches as positions; this module makes the Pattern and Match objects, the flags, re.error, replacement
templates for sub and expand, split, escape and the compiled-pattern cache.
"""

import sys
import _re
from types import MappingProxyType as _mappingproxy  # groupindex: a read-only view

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer', 'compile', 'purge',
           'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE',
           'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE', 'NOFLAG', 'RegexFlag']

_V313 = sys.version_info >= (3, 13)
if not _V313:
    __all__.insert(10, 'template')
else:
    __all__.append('PatternError')

__version__ = '2.2.1'

_MAXSIZE = sys.maxsize


# ---- flags ----

class _FlagType(type):

    def __repr__(cls):
        return "<flag %r>" % cls.__name__

    def __iter__(cls):
        return iter([cls._members[name] for name, value in cls._order if value])

    def __len__(cls):
        return len([1 for name, value in cls._order if value])


class RegexFlag(int, metaclass=_FlagType):
    """re's flags: an int whose repr names its members (re.IGNORECASE|re.MULTILINE)."""

    def __new__(cls, value):
        value = int(value)
        member = cls._values.get(value)
        if member is None:
            member = int.__new__(cls, value)
            cls._values[value] = member
        return member

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        value = int(self)
        if value == 0:
            return 'NOFLAG'
        names = [name for name, bit in RegexFlag._order if bit and value & bit == bit]
        return '|'.join(names) if names else None

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        names = []
        for name, bit in RegexFlag._order:
            if bit and value & bit:
                names.append('re.' + name)
                value &= ~bit
        if value:
            names.append(hex(value))
        return '|'.join(names)

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return repr(self)
        return format(int(self), spec)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 0x1FF)

    def __reduce__(self):
        return RegexFlag, (int(self),)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


RegexFlag._values = {}
RegexFlag._members = {}
RegexFlag._order = [('NOFLAG', 0), ('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32), ('MULTILINE', 8),
                    ('DOTALL', 16), ('VERBOSE', 64)]
if not _V313:
    RegexFlag._order.append(('TEMPLATE', 1))
RegexFlag._order.append(('DEBUG', 128))
for _name, _bit in RegexFlag._order:
    RegexFlag._members[_name] = RegexFlag(_bit)
    setattr(RegexFlag, _name, RegexFlag._members[_name])

NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG
if not _V313:
    T = TEMPLATE = RegexFlag.TEMPLATE
for _name, _bit in [('A', 256), ('I', 2), ('L', 4), ('U', 32), ('M', 8), ('S', 16), ('X', 64)]:
    setattr(RegexFlag, _name, RegexFlag(_bit))
if not _V313:
    RegexFlag.T = TEMPLATE
del _name, _bit


# ---- errors ----

def _error_init(self, msg, pattern=None, pos=None):
    self.msg = msg
    self.pattern = pattern
    self.pos = pos
    if pattern is not None and pos is not None:
        msg = '%s at position %d' % (msg, pos)
        newline = '\n' if isinstance(pattern, str) else b'\n'
        self.lineno = pattern.count(newline, 0, pos) + 1
        self.colno = pos - pattern.rfind(newline, 0, pos)
        if newline in pattern:
            msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
    else:
        self.lineno = self.colno = None
    Exception.__init__(self, msg)


if _V313:
    class PatternError(Exception):
        """Exception raised for invalid regular expressions."""
        __init__ = _error_init

    error = PatternError
else:
    class error(Exception):
        """Exception raised for invalid regular expressions."""
        __init__ = _error_init


# ---- replacement templates ----

_TEMPLATE_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_OCTAL = '01234567'
_DIGITS = '0123456789'


def _parse_template(pattern, repl):
    """A replacement string as a list of literal strings and group numbers (int)."""
    text = isinstance(repl, str)
    src = repl if text else ''.join([chr(b) for b in repl])
    items = []
    literal = []
    n = len(src)
    i = 0

    def fail(msg, pos):
        if not text:
            msg = msg.encode('ascii', 'backslashreplace').decode('ascii')
        raise error(msg, repl, pos)

    def add_group(index, pos):
        if index > pattern.groups:
            fail('invalid group reference %d' % index, pos)
        if literal:
            items.append(''.join(literal))
            del literal[:]
        items.append(index)

    while i < n:
        c = src[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        if i + 1 >= n:
            fail('bad escape (end of pattern)', n - 1)
        start = i
        c = src[i + 1]
        i += 2
        if c == 'g':
            if i >= n or src[i] != '<':
                fail('missing <', i)
            i += 1
            end = i
            while end < n:
                if src[end] == '\\':
                    end += 2
                    continue
                if src[end] == '>':
                    break
                end += 1
            if end >= n:
                name = src[i:]
                if not name:
                    fail('missing group name', n)
                fail('missing >, unterminated name', i)
            name = src[i:end]
            if not name:
                fail('missing group name', i)
            i = end + 1
            if name.isdecimal() and name.isascii():
                index = int(name)
                if index >= 1073741823:
                    fail('invalid group reference %d' % index, i - 1 - len(name))
            else:
                if not name.isidentifier() or (not text and not name.isascii() and sys.version_info >= (3, 12)):
                    if not text and not name.isascii():
                        fail('bad character in group name %a' % name, i - 1 - len(name))
                    fail('bad character in group name %r' % name, i - 1 - len(name))
                index = pattern._groupindex.get(name)
                if index is None:
                    raise IndexError('unknown group name %r' % name)
            add_group(index, i - 1 - len(name))
        elif c == '0':
            digits = c
            if i < n and src[i] in _OCTAL:
                digits += src[i]
                i += 1
                if i < n and src[i] in _OCTAL:
                    digits += src[i]
                    i += 1
            literal.append(chr(int(digits, 8) & 0xff))
        elif c in _DIGITS:
            digits = c
            if i < n and src[i] in _DIGITS:
                digits += src[i]
                i += 1
                if c in _OCTAL and digits[1] in _OCTAL and i < n and src[i] in _OCTAL:
                    digits += src[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        fail('octal escape value \\%s outside of range 0-0o377' % digits, start)
                    literal.append(chr(value))
                    continue
            add_group(int(digits), start + 1)
        else:
            lit = _TEMPLATE_ESCAPES.get(c)
            if lit is None:
                if ('a' <= c <= 'z') or ('A' <= c <= 'Z'):
                    fail('bad escape \\' + c, start)
                lit = '\\' + c
            literal.append(lit)
    if literal or not items:
        items.append(''.join(literal))
    if not text:
        items = [bytes([ord(ch) for ch in x]) if isinstance(x, str) else x for x in items]
    return items


def _expand(template, string, regs):
    empty = string[:0]
    out = []
    for item in template:
        if item.__class__ is int:
            start = regs[2 * item]
            if start >= 0:
                out.append(string[start:regs[2 * item + 1]])
        else:
            out.append(item)
    return empty.join(out)


# ---- Pattern and Match ----

def _index(value):
    if isinstance(value, int):
        return int(value)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)



_FLAG_NAMES = [(2, 're.IGNORECASE'), (4, 're.LOCALE'), (8, 're.MULTILINE'), (16, 're.DOTALL'), (32, 're.UNICODE'),
               (64, 're.VERBOSE'), (128, 're.DEBUG'), (256, 're.ASCII')]
if not _V313:
    _FLAG_NAMES.insert(0, (1, 're.TEMPLATE'))


class Pattern:
    """A compiled regular expression."""
    __slots__ = ('_code', '_pattern', '_flags', '_groups', '_groupindex', '_templates')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def pattern(self):
        return self._pattern

    @property
    def flags(self):
        return self._flags

    @property
    def groups(self):
        return self._groups

    @property
    def groupindex(self):
        return _mappingproxy(self._groupindex)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        regs = _re.match(self._code, string, pos, endpos, 0)
        return None if regs is None else _new_match(self, string, pos, endpos, regs)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        regs = _re.match(self._code, string, pos, endpos, 1)
        return None if regs is None else _new_match(self, string, pos, endpos, regs)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        regs = _re.match(self._code, string, pos, endpos, 2)
        return None if regs is None else _new_match(self, string, pos, endpos, regs)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _re.findall(self._code, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter(_Scanner(self, string, pos, endpos).search, None)

    def split(self, string, maxsplit=0):
        maxsplit = _index(maxsplit)
        if maxsplit < 0:
            return [string]
        return _re.split(self._code, string, maxsplit)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        count = _index(count)
        if count < 0:
            return string, 0
        if callable(repl):
            return _re.sub(self._code, string, count, None,
                           lambda regs: repl(_new_match(self, string, 0, _MAXSIZE, regs)))
        if isinstance(repl, str) and '\\' not in repl:
            template = [repl]
        else:
            template = self._templates.get(repl) if self._templates is not None else None
            if template is None:
                if not isinstance(repl, (str, bytes)):
                    raise TypeError('decoding to str: need a bytes-like object, %s found' % type(repl).__name__)
                template = _parse_template(self, repl)
                if self._templates is None:
                    self._templates = {}
                self._templates[repl] = template
        return _re.sub(self._code, string, count, template, None)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self._flags
        if isinstance(self._pattern, str) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self._pattern)[:200]
        if names:
            return 're.compile(%s, %s)' % (text, '|'.join(names))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self is other or (self._flags == other._flags and type(self._pattern) is type(other._pattern)
                                 and self._pattern == other._pattern)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return _compile, (self._pattern, self._flags)


def _new_pattern(pattern, flags):
    p = object.__new__(Pattern)
    p._code, p._flags, p._groups, p._groupindex = _re.compile(pattern, flags, error)
    p._pattern = pattern
    p._templates = None
    return p


class _Scanner:
    """Pattern.scanner(): successive matches or searches, each from where the previous match ended."""
    __slots__ = ('pattern', '_state', '_string', '_pos', '_endpos')

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._state = _re.scanner(pattern._code, string, pos, endpos)
        self._string = string
        self._pos = pos
        self._endpos = endpos

    def match(self):
        regs = _re.scanner_next(self._state, 0)
        if regs is None:
            return None
        m = _new_match(self.pattern, self._string, self._pos, self._endpos, regs)
        m._scanner = self._state
        return m

    def search(self):
        regs = _re.scanner_next(self._state, 2)
        if regs is None:
            return None
        m = _new_match(self.pattern, self._string, self._pos, self._endpos, regs)
        m._scanner = self._state
        return m


class Match:
    """The result of a successful match."""
    # _scanner: the scanner that found the match, which slices the string it holds (a str slice reads it all)
    __slots__ = ('_regs', '_scanner', 're', 'string', '_pos', '_endpos')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, g):
        if g.__class__ is int:
            if 0 <= g <= self.re._groups:
                return g
        elif isinstance(g, int):
            if 0 <= g <= self.re._groups:
                return int(g)
        elif isinstance(g, (str, bytes)):
            index = self.re._groupindex.get(g)
            if index is not None:
                return index
        raise IndexError('no such group')

    def _get(self, g, default):
        regs = self._regs
        start = regs[2 * g]
        if start < 0:
            return default
        if self._scanner is not None:
            return _re.scanner_slice(self._scanner, start, regs[2 * g + 1])
        return self.string[start:regs[2 * g + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0, None)
        if len(groups) == 1:
            return self._get(self._index(groups[0]), None)
        return tuple([self._get(self._index(g), None) for g in groups])

    def __getitem__(self, g):
        return self._get(self._index(g), None)

    def groups(self, default=None):
        return tuple([self._get(g, default) for g in range(1, self.re._groups + 1)])

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re._groupindex.items()}

    def start(self, group=0):
        return self._regs[2 * self._index(group)]

    def end(self, group=0):
        return self._regs[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return (self._regs[2 * g], self._regs[2 * g + 1])

    @property
    def pos(self):
        n = len(self.string)  # held to the string as the search was (len reads the whole str: only when asked)
        pos = self._pos
        return 0 if pos < 0 else n if pos > n else pos

    @property
    def endpos(self):
        n = len(self.string)
        endpos = self._endpos
        return 0 if endpos < 0 else n if endpos > n else endpos

    @property
    def regs(self):
        regs = self._regs
        return tuple([(regs[2 * g], regs[2 * g + 1]) for g in range(self.re._groups + 1)])

    @property
    def lastindex(self):
        last = self._regs[-1]
        return last if last else None

    @property
    def lastgroup(self):
        last = self._regs[-1]
        if last:
            for name, index in self.re._groupindex.items():
                if index == last:
                    return name
        return None

    def expand(self, template):
        return _expand(_parse_template(self.re, template), self.string, self._regs)

    def __repr__(self):
        regs = self._regs
        return '<re.Match object; span=(%d, %d), match=%s>' % (regs[0], regs[1], repr(self._get(0, None))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _new_match(pattern, string, pos, endpos, regs):
    m = object.__new__(Match)
    m._regs = regs
    m._scanner = None
    m.re = pattern
    m.string = string
    m._pos = pos
    m._endpos = endpos
    return m


# ---- the module's functions ----

_cache = {}
_MAXCACHE = 512
# what a non-int flags argument is first combined with: the flag before 3.13, the plain int on 3.13
_DEBUG_BIT = 128 if _V313 else DEBUG


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    try:
        return _cache[type(pattern), pattern, flags]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    flags & _DEBUG_BIT  # a non-int flags argument fails here, as in CPython
    p = _new_pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[type(pattern), pattern, flags] = p
    return p


def match(pattern, string, flags=0):
    """Match the pattern at the start of the string: a Match, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Match the pattern against the whole string: a Match, or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match of the pattern anywhere in the string, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """The string with the (first count) matches of the pattern replaced by repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """As sub, with the number of replacements: (new string, n)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """The string split at the matches of the pattern (with the groups' text between the pieces)."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Every non-overlapping match: the texts, or the groups' texts."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator over every non-overlapping match, as Match objects."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a pattern to a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Clear the cache of compiled patterns."""
    _cache.clear()


if not _V313:
    def template(pattern, flags=0):
        """Compile a template pattern (deprecated)."""
        return _compile(pattern, flags | T)


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    """The pattern with every special character backslash-escaped."""
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _SPECIAL else c for c in pattern])
    out = []
    for b in pattern:
        if chr(b) in _SPECIAL:
            out.append(92)
        out.append(b)
    return bytes(out)
