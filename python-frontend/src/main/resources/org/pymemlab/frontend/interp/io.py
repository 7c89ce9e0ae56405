"""io for PyMem Lab: StringIO, an in-memory text stream with CPython's methods, and open()'s file objects.

StringIO keeps its text as written pieces joined when read, a Python object here, not CPython's C buffer.
A file object is a Python object over the interpreter's file primitives (_pymemio): a text file reads the
rest of the file when first read and serves lines from that text; writes go straight to the file. Their
layouts and sizes are not CPython's (its TextIOWrapper, BufferedReader and FileIO are C objects).
"""
import _pymemio

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class _LineReader:
    """Line iteration and readlines over a class's readline, as StringIO and the files share it in _io."""

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint < total:  # stops once the lines read exceed hint
                break
        return lines


class StringIO(_LineReader):

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not ' + type(initial_value).__name__)
        self._pieces = [initial_value] if initial_value else []
        self._length = len(initial_value)
        self._pos = 0
        self.closed = False

    def _check(self):
        if self.closed:
            raise ValueError('I/O operation on closed file')

    def _text(self):
        if len(self._pieces) > 1:
            self._pieces = [''.join(self._pieces)]
        return self._pieces[0] if self._pieces else ''

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got ' + "'" + type(s).__name__ + "'")
        if self._pos == self._length:
            self._pieces.append(s)
        else:
            text = self._text()
            if self._pos > len(text):
                text = text + '\0' * (self._pos - len(text))
            text = text[:self._pos] + s + text[self._pos + len(s):]
            self._pieces = [text]
        self._pos += len(s)
        self._length = max(self._length, self._pos)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._text()

    def read(self, size=-1):
        self._check()
        text = self._text()
        end = len(text) if size is None or size < 0 else min(len(text), self._pos + size)
        result = text[self._pos:end] if self._pos < end else ''
        self._pos = max(self._pos, end)
        return result

    def readline(self, size=-1):
        self._check()
        text = self._text()
        end = text.find('\n', self._pos)
        end = len(text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        result = text[self._pos:end] if self._pos < end else ''
        self._pos = max(self._pos, end)
        return result

    def __iter__(self):
        return self

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position ' + str(pos))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._length
        else:
            raise ValueError('Invalid whence (' + str(whence) + ', should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        size = self._pos if size is None else size
        if size < 0:
            raise ValueError('Negative size value ' + str(size))
        text = self._text()[:size]
        self._pieces = [text] if text else []
        self._length = len(text)
        return size

    def close(self):
        self.closed = True

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def flush(self):
        self._check()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()


class _File(_LineReader):
    """What open()'s binary and text files share: the descriptor, the mode and closing."""

    def __init__(self, name, mode, fd, readable, writable):
        self.name = name
        self.mode = mode
        self._fd = fd
        self._readable = readable
        self._writable = writable
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation('not readable')

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation('not writable')

    def fileno(self):
        self._check_open()
        return self._fd

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def close(self):
        if not self.closed:
            self.closed = True
            _pymemio.close(self._fd)

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self


    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __del__(self):
        self.close()


class _BinaryFile(_File):
    """A file opened with b: bytes in and out, read through a read-ahead buffer of DEFAULT_BUFFER_SIZE bytes
    (_ahead, consumed from _pos), as CPython's BufferedReader reads."""

    def __init__(self, name, mode, fd, readable, writable):
        super().__init__(name, mode, fd, readable, writable)
        self._ahead = b''
        self._pos = 0

    def _take(self, end):
        data = self._ahead[self._pos:end]
        self._pos = end
        return data

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            data = self._take(len(self._ahead)) + _pymemio.read(self._fd, -1)
            self._ahead, self._pos = b'', 0
            return data
        if len(self._ahead) - self._pos < size:
            rest = self._ahead[self._pos:]
            self._ahead = rest + _pymemio.read(self._fd, max(size - len(rest), DEFAULT_BUFFER_SIZE))
            self._pos = 0
        return self._take(min(self._pos + size, len(self._ahead)))

    def readline(self, size=-1):
        self._check_readable()
        while self._ahead.find(b'\n', self._pos) < 0:
            more = _pymemio.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not more:
                break
            self._ahead = self._ahead[self._pos:] + more
            self._pos = 0
        end = self._ahead.find(b'\n', self._pos) + 1 or len(self._ahead)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        return self._take(end)

    def write(self, data):
        self._check_writable()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._unread()
        return _pymemio.write(self._fd, bytes(data))

    def _unread(self):
        if len(self._ahead) > self._pos:
            _pymemio.seek(self._fd, self._pos - len(self._ahead), SEEK_CUR)
        self._ahead, self._pos = b'', 0

    def seek(self, pos, whence=SEEK_SET):
        self._check_open()
        if whence == SEEK_CUR:
            pos -= len(self._ahead) - self._pos
        self._ahead, self._pos = b'', 0
        return _pymemio.seek(self._fd, pos, whence)

    def tell(self):
        self._check_open()
        return _pymemio.tell(self._fd) - (len(self._ahead) - self._pos)

    def truncate(self, size=None):
        self._check_writable()
        self._unread()
        return _pymemio.truncate(self._fd, self.tell() if size is None else size)

    def __repr__(self):
        return '<_io.%s name=%r>' % (type(self).__name__, self.name)


class BufferedReader(_BinaryFile):
    pass


class BufferedWriter(_BinaryFile):
    pass


class BufferedRandom(_BinaryFile):
    pass


class TextIOWrapper(_File):
    """A text file: str in and out, encoded and decoded, with universal newlines when reading."""

    def __init__(self, name, mode, fd, readable, writable, encoding, errors, newline):
        super().__init__(name, mode, fd, readable, writable)
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._text = ''
        self._filled = False

    def _fill(self):
        if not self._filled:
            text = _pymemio.read(self._fd, -1).decode(self.encoding, self.errors)
            if self._newline is None:
                text = text.replace('\r\n', '\n').replace('\r', '\n')
            self._text += text
            self._filled = True

    def read(self, size=-1):
        self._check_readable()
        self._fill()
        if size is None or size < 0:
            text, self._text = self._text, ''
            return text
        text, self._text = self._text[:size], self._text[size:]
        return text

    def readline(self, size=-1):
        self._check_readable()
        self._fill()
        end = self._text.find('\n') + 1 or len(self._text)
        if size is not None and size >= 0:
            end = min(end, size)
        line, self._text = self._text[:end], self._text[end:]
        return line

    def write(self, text):
        self._check_writable()
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not ' + type(text).__name__)
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self._text = ''
        self._filled = False
        _pymemio.write(self._fd, text.encode(self.encoding, self.errors))
        return len(text)

    def seek(self, cookie, whence=SEEK_SET):
        self._check_open()
        if whence == SEEK_CUR and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == SEEK_END and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == SEEK_CUR:
            return self.tell()
        self._text = ''
        self._filled = False
        return _pymemio.seek(self._fd, cookie, whence)

    def tell(self):
        self._check_open()
        return _pymemio.tell(self._fd) - len(self._text.encode(self.encoding, self.errors))

    def truncate(self, size=None):
        self._check_writable()
        return _pymemio.truncate(self._fd, self.tell() if size is None else size)

    def __repr__(self):
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (self.name, self.mode, self.encoding)


for _cls in (TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom):
    _cls.__module__ = '_io'


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    if not isinstance(file, (str, bytes)):
        if isinstance(file, int):
            raise ValueError("open() of a file descriptor is not supported by PyMem Lab's frontend")
        import posixpath
        file = posixpath._fspath(file)  # an os.PathLike (a pathlib path) opens its path
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not " + type(mode).__name__)
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError('invalid mode: %r' % mode)
    kinds = sum(c in modes for c in 'rwax')
    if 't' in modes and 'b' in modes:
        raise ValueError("can't have text and binary mode at once")
    if kinds > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    binary = 'b' in modes
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError('illegal newline value: %s' % (newline,))
    if not binary:
        encoding = 'UTF-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        ''.encode(encoding, errors)  # an unknown encoding is a LookupError now, as CPython checks it at open
    if kinds == 0:
        # FileIO's own check, once open() has passed the mode on
        raise ValueError('Must have exactly one of create/read/write/append mode and at most one plus')
    name = file.decode() if isinstance(file, bytes) else file
    readable = 'r' in modes or '+' in modes
    writable = 'r' not in modes or '+' in modes
    fd = _pymemio.open(name, mode)
    if binary:
        kind = BufferedRandom if '+' in modes else BufferedReader if 'r' in modes else BufferedWriter
        return kind(file, mode, fd, readable, writable)
    return TextIOWrapper(file, mode, fd, readable, writable, encoding, errors, newline)
