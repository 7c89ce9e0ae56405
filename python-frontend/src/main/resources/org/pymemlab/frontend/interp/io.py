"""io for PyMem Lab: StringIO, an in-memory text stream with CPython's methods. The text is kept as
written pieces and joined when read, so it is a Python object here, not CPython's C buffer."""


class StringIO:

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

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

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
