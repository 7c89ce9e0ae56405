"""base64 for PyMem Lab: the Base64 and Base16 encodings over the bundled binascii, with base64's argument
rules (altchars, validate, the URL-safe alphabet)."""
import binascii

__all__ = ['b64encode', 'b64decode', 'standard_b64encode', 'standard_b64decode', 'urlsafe_b64encode',
           'urlsafe_b64decode', 'b16encode', 'b16decode', 'encodebytes', 'decodebytes']


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes):
        return s
    raise TypeError("argument should be a bytes-like object or ASCII string, not '%s'" % type(s).__name__)


def _translate(s, table):
    return bytes(table.get(c, c) for c in s)


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _translate(encoded, {43: altchars[0], 47: altchars[1]})
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, {altchars[0]: 43, altchars[1]: 47})
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    return b64decode(_translate(_bytes_from_decode_data(s), {45: 43, 95: 47}))


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if s.translate(None, b'0123456789ABCDEF'):  # what is left is not a digit
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


def encodebytes(s):
    lines = []
    for k in range(0, len(s), 57):
        lines.append(binascii.b2a_base64(s[k:k + 57]))
    return b''.join(lines)


def decodebytes(s):
    return binascii.a2b_base64(s)


# ---- Base32 (RFC 4648) ----

_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


_b32pairs = {}


def _b32encode(alphabet, s):
    if not isinstance(s, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    # two characters per 10 bits: four lookups per five bytes
    pairs = _b32pairs.get(alphabet)
    if pairs is None:
        singles = [bytes((c,)) for c in alphabet]
        pairs = _b32pairs[alphabet] = [a + b for a in singles for b in singles]
    padded = s + bytes(-len(s) % 5)
    out = bytearray()
    for k in range(0, len(padded), 5):
        n = int.from_bytes(padded[k:k + 5], 'big')
        out += pairs[n >> 30] + pairs[n >> 20 & 0x3ff] + pairs[n >> 10 & 0x3ff] + pairs[n & 0x3ff]
    encoded = bytes(out)
    rest = len(s) % 5
    pad = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}[rest]
    if pad:
        encoded = encoded[:-pad] + b'=' * pad
    return encoded


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = _translate(s, {48: 79, 49: map01[0]})
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b'=')
    padchars = len(s) - len(stripped)
    values = {c: i for i, c in enumerate(alphabet)}
    out = []
    for k in range(0, len(stripped) + padchars, 8):
        quanta = s[k:k + 8]
        n = 0
        for c in quanta:
            if c == 61:
                n <<= 5
                continue
            v = values.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            n = n << 5 | v
        out.append(n.to_bytes(5, 'big'))
    decoded = b''.join(out)
    if padchars:
        if padchars not in (1, 3, 4, 6):
            raise binascii.Error('Incorrect padding')
        keep = {1: 4, 3: 3, 4: 2, 6: 1}[padchars]
        decoded = decoded[:len(decoded) - 5 + keep]
    return decoded


def b32encode(s):
    return _b32encode(_B32, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_B32, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_B32HEX, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEX, s, casefold)


# ---- Ascii85 and Base85 ----

_A85START = b'<~'
_A85END = b'~>'
_B85 = b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~'


def _85encode(b, alphabet, pad, foldnuls=False, foldspaces=False):
    if not isinstance(b, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
    padding = -len(b) % 4
    if padding:
        b = b + b'\0' * padding
    out = []
    for k in range(0, len(b), 4):
        word = int.from_bytes(b[k:k + 4], 'big')
        if foldnuls and not word:
            out.append(b'z')
        elif foldspaces and word == 0x20202020:
            out.append(b'y')
        else:
            out.append(bytes([alphabet[word // 52200625], alphabet[word // 614125 % 85], alphabet[word // 7225 % 85],
                              alphabet[word // 85 % 85], alphabet[word % 85]]))
    if padding and not pad:
        if out[-1] == b'z':
            out[-1] = alphabet[0:1] * 5
        out[-1] = out[-1][:-padding]
    return b''.join(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    result = _85encode(b, b'!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstu',
                       pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[k:k + wrapcol] for k in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError('Ascii85 encoded byte sequences must end with {!r}'.format(_A85END))
        if b.startswith(_A85START):
            b = b[2:-2]
        else:
            b = b[:-2]
    out = []
    current = []
    for x in b + b'u' * 4:
        if 33 <= x <= 117:
            current.append(x)
            if len(current) == 5:
                acc = 0
                for c in current:
                    acc = 85 * acc + (c - 33)
                if acc > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out.append(acc.to_bytes(4, 'big'))
                current = []
        elif x == 122:  # z
            if current:
                raise ValueError('z inside Ascii85 5-tuple')
            out.append(b'\0\0\0\0')
        elif foldspaces and x == 121:  # y
            if current:
                raise ValueError('y inside Ascii85 5-tuple')
            out.append(b'\x20\x20\x20\x20')
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    result = b''.join(out)
    padding = 4 - len(current)
    if padding:
        result = result[:-padding]
    return result


def b85encode(b, pad=False):
    return _85encode(b, _B85, pad)


def b85decode(b):
    b = _bytes_from_decode_data(b)
    values = {c: i for i, c in enumerate(_B85)}
    padding = -len(b) % 5
    b = b + b'~' * padding
    out = []
    for k in range(0, len(b), 5):
        chunk = b[k:k + 5]
        acc = 0
        for j, c in enumerate(chunk):
            v = values.get(c)
            if v is None:
                raise ValueError('bad base85 character at position %d' % (k + j))
            acc = acc * 85 + v
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % k)
        out.append(acc.to_bytes(4, 'big'))
    result = b''.join(out)
    if padding:
        result = result[:-padding]
    return result
