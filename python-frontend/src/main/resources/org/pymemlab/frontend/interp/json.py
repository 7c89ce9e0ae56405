"""json for PyMem Lab: dumps/dump and loads/load with CPython's output and its JSONDecodeError messages.

The encoder and the decoder follow CPython's pure-Python ones (json.encoder, json.scanner, json.decoder),
which give the same text and values as its C accelerations; they are written in Python here too.
"""

import sys

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecodeError', 'JSONEncoder', 'JSONDecoder']

# 3.13 names a trailing comma; before, the parser just expected the next name or value after it
_TRAILING_COMMA_NAMED = sys.version_info >= (3, 13)


class JSONDecodeError(ValueError):
    """A document that is not JSON: msg, the document, the position and its line and column."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}


def _encode_str(s, ensure_ascii):
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ch < ' ':
            out.append('\\u%04x' % ord(ch))
        elif ensure_ascii and ord(ch) > 127:
            n = ord(ch)
            if n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _float_text(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == float('inf'):
        text = 'Infinity'
    elif o == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        if sys.version_info >= (3, 12):
            raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    """Turns Python values into JSON text, as json.JSONEncoder does."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o):
        markers = {} if self.check_circular else None
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return self._iterencode(o, markers, indent, 0)

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')

    def _iterencode(self, o, markers, indent, level):
        if isinstance(o, str):
            yield _encode_str(o, self.ensure_ascii)
        elif o is None:
            yield 'null'
        elif o is True:
            yield 'true'
        elif o is False:
            yield 'false'
        elif isinstance(o, int):
            yield int.__repr__(o)
        elif isinstance(o, float):
            yield _float_text(o, self.allow_nan)
        elif isinstance(o, (list, tuple)):
            yield from self._iterencode_list(o, markers, indent, level)
        elif isinstance(o, dict):
            yield from self._iterencode_dict(o, markers, indent, level)
        else:
            marker = self._enter(o, markers)
            yield from self._iterencode(self.default(o), markers, indent, level)
            self._leave(marker, markers)

    def _enter(self, o, markers):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def _leave(self, marker, markers):
        if marker is not None:
            del markers[marker]

    def _iterencode_list(self, lst, markers, indent, level):
        if not lst:
            yield '[]'
            return
        yield from self._container(lst, '[', ']', self._list_items(lst), markers, indent, level)

    def _list_items(self, lst):
        for value in lst:
            yield None, value

    def _iterencode_dict(self, dct, markers, indent, level):
        if not dct:
            yield '{}'
            return
        yield from self._container(dct, '{', '}', self._dict_items(dct), markers, indent, level)

    def _dict_items(self, dct):
        for key, value in (sorted(dct.items()) if self.sort_keys else dct.items()):
            key = self._key(key)
            if key is not None:
                yield key, value

    def _container(self, o, open_, close, items, markers, indent, level):
        """A list's or dict's items between its brackets, one per line under indent; keys when items have them."""
        marker = self._enter(o, markers)
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            separator = self.item_separator + newline
            yield open_ + newline
        else:
            separator = self.item_separator
            yield open_
        first = True
        for key, value in items:
            if not first:
                yield separator
            first = False
            if key is not None:
                yield _encode_str(key, self.ensure_ascii)
                yield self.key_separator
            yield from self._iterencode(value, markers, indent, level)
        if indent is not None:
            level -= 1
            yield '\n' + indent * level
        yield close
        self._leave(marker, markers)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    """obj as a JSON str."""
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    """Writes obj as JSON to the file-like fp."""
    fp.write(dumps(obj, **kw))


_WS = ' \t\n\r'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}


class JSONDecoder:
    """Turns JSON text into Python values, as json.JSONDecoder does."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, self._skip(s, 0))
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    @staticmethod
    def _skip(s, i):
        while i < len(s) and s[i] in _WS:
            i += 1
        return i

    def _value(self, s, i):
        if i >= len(s):
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return self._string(s, i + 1)
        if c == '{':
            return self._object(s, i + 1)
        if c == '[':
            return self._array(s, i + 1)
        if s.startswith('null', i):
            return None, i + 4
        if s.startswith('true', i):
            return True, i + 4
        if s.startswith('false', i):
            return False, i + 5
        for name in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(name, i):
                return self.parse_constant(name), i + len(name)
        return self._number(s, i)

    def _number(self, s, i):
        j = i
        if j < len(s) and s[j] == '-':
            j += 1
        if j < len(s) and s[j] == '0':
            j += 1
        elif j < len(s) and '1' <= s[j] <= '9':
            while j < len(s) and s[j].isdigit() and s[j].isascii():
                j += 1
        else:
            raise StopIteration(i)
        integer_end = j
        frac = exp = ''
        if j < len(s) and s[j] == '.' and j + 1 < len(s) and s[j + 1].isdigit():
            k = j + 1
            while k < len(s) and s[k].isdigit() and s[k].isascii():
                k += 1
            frac = s[j:k]
            j = k
        if j < len(s) and s[j] in 'eE':
            k = j + 1
            if k < len(s) and s[k] in '+-':
                k += 1
            if k < len(s) and s[k].isdigit():
                while k < len(s) and s[k].isdigit() and s[k].isascii():
                    k += 1
                exp = s[j:k]
                j = k
        if frac or exp:
            return self.parse_float(s[i:integer_end] + frac + exp), j
        return self.parse_int(s[i:integer_end]), j

    def _string(self, s, i):
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < len(s) and s[j] not in '"\\' and (s[j] >= ' ' or not self.strict):
                j += 1
            if j >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            chunks.append(s[i:j])
            c = s[j]
            if c == '"':
                return ''.join(chunks), j + 1
            if c != '\\':
                raise JSONDecodeError("Invalid control character at", s, j)
            if j + 1 >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            esc = s[j + 1]
            if esc != 'u':
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", s, j)
                chunks.append(_BACKSLASH[esc])
                i = j + 2
                continue
            uni = self._hex4(s, j + 2, j)
            i = j + 6
            if 0xd800 <= uni <= 0xdbff and s[i:i + 2] == '\\u':
                uni2 = self._hex4(s, i + 2, i)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    i += 6
            chunks.append(chr(uni))

    @staticmethod
    def _hex4(s, at, escape_at):
        digits = s[at:at + 4]
        if len(digits) == 4 and all(d in '0123456789abcdefABCDEF' for d in digits):
            return int(digits, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", s, escape_at)

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == '}':
            return self._finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            key, i = self._string(s, i + 1)
            i = self._skip(s, i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._skip(s, i + 1)
            try:
                value, i = self._value(s, i)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            pairs.append((key, value))
            i = self._skip(s, i)
            if i < len(s) and s[i] == '}':
                return self._finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            comma = i
            i = self._skip(s, i + 1)
            if i < len(s) and s[i] == '}' and _TRAILING_COMMA_NAMED:
                raise JSONDecodeError("Illegal trailing comma before end of object", s, comma)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == ']':
            return values, i + 1
        while True:
            try:
                value, i = self._value(s, i)
            except StopIteration as err:
                raise JSONDecodeError("Expecting value", s, err.value) from None
            values.append(value)
            i = self._skip(s, i)
            if i < len(s) and s[i] == ']':
                return values, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            comma = i
            i = self._skip(s, i + 1)
            if i < len(s) and s[i] == ']' and _TRAILING_COMMA_NAMED:
                raise JSONDecodeError("Illegal trailing comma before end of array", s, comma)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    """The Python value of the JSON document s."""
    if isinstance(s, bytes):
        s = s.decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}')
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int, parse_constant=parse_constant,
               object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    """The Python value of the JSON document read from the file-like fp."""
    return loads(fp.read(), **kw)
