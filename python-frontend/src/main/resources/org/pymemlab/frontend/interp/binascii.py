"""binascii for PyMem Lab: base64 and hex conversions with binascii's decoding rules and errors, written in
Python over bytes (CPython's module is C)."""

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_VALUE = {c: i for i, c in enumerate(_B64)}


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def _bytes(data):
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    if isinstance(data, bytes):
        return data
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'" % type(data).__name__)


def b2a_base64(data, *, newline=True):
    if not isinstance(data, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    out = []
    for k in range(0, len(data) - len(data) % 3, 3):
        n = data[k] << 16 | data[k + 1] << 8 | data[k + 2]
        out += [_B64[n >> 18], _B64[n >> 12 & 63], _B64[n >> 6 & 63], _B64[n & 63]]
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += [_B64[n >> 18], _B64[n >> 12 & 63], 61, 61]
    elif rest == 2:
        n = data[-2] << 16 | data[-1] << 8
        out += [_B64[n >> 18], _B64[n >> 12 & 63], _B64[n >> 6 & 63], 61]
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _bytes(data)
    out = []
    quad = 0
    left = 0
    pads = 0
    padding_started = False
    data_chars = 0
    for k, c in enumerate(data):
        if c == 61:  # '='
            padding_started = True
            if strict_mode and quad == 0:
                raise Error('Leading padding not allowed' if k == 0 else 'Discontinuous padding not allowed')
            pads += 1
            if quad >= 2 and quad + pads >= 4:
                # a complete pad ends the data
                if strict_mode and k + 1 < len(data):
                    raise Error('Excess data after padding')
                return bytes(out)
            continue
        value = _B64_VALUE.get(c)
        if value is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        data_chars += 1
        if quad == 0:
            left = value
            quad = 1
        elif quad == 1:
            out.append((left << 2 | value >> 4) & 0xff)
            left = value & 0x0f
            quad = 2
        elif quad == 2:
            out.append((left << 4 | value >> 2) & 0xff)
            left = value & 0x03
            quad = 3
        else:
            out.append((left << 6 | value) & 0xff)
            left = 0
            quad = 0
    if quad == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a '
                    'multiple of 4' % data_chars)
    if quad != 0:
        raise Error('Incorrect padding')
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    if not isinstance(data, bytes):
        raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
    if sep is None:
        return data.hex().encode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    hexstr = _bytes(hexstr)
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    digits = b'0123456789abcdefABCDEF'
    for c in hexstr:
        if c not in digits:
            raise Error('Non-hexadecimal digit found')
    return bytes.fromhex(hexstr.decode('ascii'))


a2b_hex = unhexlify
