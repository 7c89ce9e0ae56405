# str.encode, bytes.decode, str(bytes, ...) and bytes(str, ...) with UTF-8, ASCII and Latin-1 under their aliases,
# the error handlers, and UnicodeDecodeError/UnicodeEncodeError with CPython's ranges, reasons and messages.
print(UnicodeEncodeError.__mro__)
e = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'); print(str(e), repr(e), e.args, e.start, e.end, e.object, e.encoding, e.reason)
tests = [
    lambda: b'ab\xffc'.decode(), lambda: 'a\xe9\u20ac'.encode('ascii'), lambda: 'a\u20ac'.encode('latin-1'),
    lambda: b'\xc3'.decode('utf-8'), lambda: b'\xe2\x82'.decode('utf-8'), lambda: b'\xed\xa0\x80'.decode('utf-8'),
    lambda: b'\x80'.decode('ascii'), lambda: b'\xe2\x82\x41'.decode(), lambda: b'\xf0\x9f\x98'.decode(), lambda: 'x'.encode('nope'),
    lambda: 'a\ud800b'.encode(), lambda: b'\xff'.decode('utf-8', 'bogus'), lambda: str(b'\xff', 'ascii'), lambda: bytes('x'),
    lambda: 'x'.encode(5), lambda: UnicodeDecodeError('utf-8'), lambda: UnicodeEncodeError('ascii', b'x', 0, 1, 'r'),
]
for t in tests:
    try:
        print(repr(t()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e, getattr(e, 'start', None), getattr(e, 'end', None))
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), 'a\xe9'.encode('ascii', 'replace'), 'a\xe9'.encode('ascii', 'ignore'), 'a\xe9'.encode('latin-1'), b'\xe9'.decode('latin-1'))
print('x'.encode('UTF8'), 'x'.encode('u8'), 'x'.encode('Latin_1'), 'x'.encode('iso-8859-1'), 'x'.encode('US-ASCII'), 'x'.encode(encoding='ascii', errors='strict'))
print('a\udcff'.encode('utf-8', 'surrogateescape'), b'a\xff'.decode('utf-8', 'surrogateescape') == 'a\udcff', 'a\xe9'.encode('ascii', 'backslashreplace'), 'a\xe9\u20ac'.encode('ascii', 'xmlcharrefreplace'))
print(b'\xf0\x9f\x98\x80'.decode(), '\U0001f600'.encode(), bytes('\xe9', 'utf-8'), str(b'\xc3\xa9', 'utf-8'), str(b'\xe9', encoding='latin-1'))
print(b'\xe2\x82\xac\xff'.decode('utf-8', 'backslashreplace'), issubclass(UnicodeDecodeError, ValueError))
try:
    raise UnicodeTranslateError('a\xe9', 1, 2, 'no')
except UnicodeError as e:
    print(e)
