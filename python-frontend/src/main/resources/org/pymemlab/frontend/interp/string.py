"""string for PyMem Lab: the character-class constants, capwords and Template, as CPython's string module has them."""

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits s by sep, capitalizes each word and joins them with sep (a space when sep is None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class Template:
    """$-substitution: $name, ${name}, and $$ for a dollar sign."""
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _substitute(self, mapping, safe):
        s = self.template
        out = []
        i = 0
        n = len(s)
        while i < n:
            c = s[i]
            if c != '$':
                out.append(c)
                i += 1
                continue
            if i + 1 < n and s[i + 1] == '$':
                out.append('$')
                i += 2
                continue
            braced = i + 1 < n and s[i + 1] == '{'
            j = i + 2 if braced else i + 1
            k = j
            while k < n and (s[k] == '_' or s[k].isascii() and s[k].isalnum()) and not (k == j and s[k].isdigit()):
                k += 1
            name = s[j:k]
            if not name or braced and (k >= n or s[k] != '}'):
                if safe:
                    out.append('$')
                    i += 1
                    continue
                lineno = s.count('\n', 0, i) + 1
                colno = i - s.rfind('\n', 0, i)
                raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))
            end = k + 1 if braced else k
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(s[i:end])
            else:
                raise KeyError(name)
            i = end
        return ''.join(out)

    def substitute(self, mapping={}, /, **kws):
        return self._substitute({**mapping, **kws}, False)

    def safe_substitute(self, mapping={}, /, **kws):
        return self._substitute({**mapping, **kws}, True)
