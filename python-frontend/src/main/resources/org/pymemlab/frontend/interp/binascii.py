"""binascii for PyMem Lab: base64 and hex conversions with binascii's decoding rules and errors; the Base64
loops are Java (_pymembin), as CPython's module is C."""
import _pymembin


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
    return _pymembin.b2a_base64(data, newline)


def a2b_base64(data, *, strict_mode=False):
    result = _pymembin.a2b_base64(_bytes(data), strict_mode)
    if isinstance(result, str):
        raise Error(result)
    return result


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
    if hexstr.translate(None, b'0123456789abcdefABCDEF'):  # what is left is not a digit
        raise Error('Non-hexadecimal digit found')
    return bytes.fromhex(hexstr.decode('ascii'))


a2b_hex = unhexlify
