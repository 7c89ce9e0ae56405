"""array for PyMem Lab: typed arrays with CPython's type codes, range checks, reprs and sequence operations.
The items live in a list here, not in CPython's packed buffer, so sys.getsizeof and memory figures differ."""


import sys as _sys

_RANGES = {
    'b': (-128, 127, 'signed char'), 'B': (0, 255, 'unsigned byte integer'),
    'h': (-2 ** 15, 2 ** 15 - 1, 'signed short integer'), 'H': (0, 2 ** 16 - 1, 'unsigned short integer'),
    'i': (-2 ** 31, 2 ** 31 - 1, 'signed integer'), 'I': (0, 2 ** 32 - 1, 'unsigned integer'),
    'l': (-2 ** 63, 2 ** 63 - 1, 'signed long integer'), 'L': (0, 2 ** 64 - 1, 'unsigned long integer'),
    'q': (-2 ** 63, 2 ** 63 - 1, 'signed long long integer'), 'Q': (0, 2 ** 64 - 1, 'unsigned long long integer'),
}
_SIZES = {'b': 1, 'B': 1, 'u': 4, 'w': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8,
          'f': 4, 'd': 8}
typecodes = 'bBuwhHiIlLqQfd' if _sys.version_info >= (3, 13) else 'bBuhHiIlLqQfd'


class array:

    def __init__(self, typecode, initializer=()):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = _SIZES[typecode]
        self._items = []
        if isinstance(initializer, str):
            if typecode not in 'uw':
                raise TypeError("cannot use a str to initialize an array with typecode '" + typecode + "'")
            self._items = list(initializer)
        else:
            self.extend(initializer)

    def _check(self, value):
        code = self.typecode
        if code in 'fd':
            if not isinstance(value, (int, float)):
                raise TypeError('must be real number, not ' + type(value).__name__)
            return float(value)
        if code in 'uw':
            if not isinstance(value, str) or len(value) != 1:
                raise TypeError('array item must be a unicode character, not ' + type(value).__name__)
            return value
        if not isinstance(value, int):
            raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")
        low, high, name = _RANGES[code]
        if value < low:
            raise OverflowError(name + ' is less than minimum')
        if value > high:
            raise OverflowError(name + ' is greater than maximum')
        return value

    def append(self, value):
        self._items.append(self._check(value))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable.typecode != self.typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        for value in iterable:
            self.append(value)

    def insert(self, i, value):
        self._items.insert(i, self._check(value))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        return self._items.pop(i)

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, value, *args):
        try:
            return self._items.index(value, *args)
        except ValueError:
            raise ValueError('array.index(x): x not in array') from None

    def count(self, value):
        return self._items.count(value)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def tobytes(self):
        if self.typecode in 'bB':
            return bytes(v & 0xFF for v in self._items)
        out = []
        for v in self._items:
            out.append(int(v).to_bytes(self.itemsize, 'little', signed=self.typecode.islower()))
        return b''.join(out)

    def buffer_info(self):
        return (id(self), len(self._items))

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, value):
        return value in self._items

    def __getitem__(self, i):
        if isinstance(i, int):
            try:
                return self._items[i]
            except IndexError:
                raise IndexError('array index out of range') from None
        result = array(self.typecode)
        result._items = self._items[i]
        return result

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(value).__name__)
            if value.typecode != self.typecode:
                raise TypeError('bad argument type for built-in operation')
            if i.step is not None and i.step != 1:
                size = len(range(*i.indices(len(self._items))))
                if size != len(value._items):
                    raise ValueError('attempt to assign array of size %d to extended slice of size %d'
                                     % (len(value._items), size))
            self._items[i] = list(value._items)
            return
        try:
            self._items[i] = self._check(value)
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        del self._items[i]

    def __add__(self, other):
        if not isinstance(other, array) or other.typecode != self.typecode:
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        result = array(self.typecode)
        result._items = self._items + other._items
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = array(self.typecode)
        result._items = self._items * n
        return result

    __rmul__ = __mul__

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __repr__(self):
        if not self._items:
            return "array('%s')" % self.typecode
        if self.typecode in 'uw':
            return "array('%s', %r)" % (self.typecode, ''.join(self._items))
        return "array('%s', %r)" % (self.typecode, self._items)

    __hash__ = None


ArrayType = array
