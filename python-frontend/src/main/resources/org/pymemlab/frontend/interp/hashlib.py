# hashlib for PyMem Lab: CPython's API over _pymemhash (the JDK's message digests). The objects are
# instances of a Python class, not CPython's _hashlib.HASH C type, so their sys.getsizeof differs.
import _pymemhash

algorithms_guaranteed = frozenset(_pymemhash.algorithms)
algorithms_available = algorithms_guaranteed


class HASH:
    __slots__ = ("_state", "name")

    def __init__(self, name, state):
        self.name = name
        self._state = state

    @property
    def digest_size(self):
        return _pymemhash.sizes(self._state)[0]

    @property
    def block_size(self):
        return _pymemhash.sizes(self._state)[1]

    def update(self, data):
        _pymemhash.update(self._state, data)

    def digest(self):
        return _pymemhash.digest(self._state)

    def hexdigest(self):
        return _pymemhash.digest(self._state).hex()

    def copy(self):
        return HASH(self.name, _pymemhash.copy(self._state))

    def __repr__(self):
        return "<%s _hashlib.HASH object @ %s>" % (self.name, hex(id(self)))


HASH.__module__ = "_hashlib"


def new(name, data=b"", *, usedforsecurity=True):
    if not isinstance(name, str):
        raise TypeError("new() argument 'name' must be str, not %s" % type(name).__name__)
    lowered = name.lower()
    h = HASH(lowered, _pymemhash.new(lowered))
    if data:
        h.update(data)
    return h


def _constructor(name):
    def make(data=b"", *, usedforsecurity=True, string=None):
        return new(name, data if string is None else string)
    make.__name__ = "openssl_" + name
    make.__qualname__ = make.__name__
    return make


md5 = _constructor("md5")
sha1 = _constructor("sha1")
sha224 = _constructor("sha224")
sha256 = _constructor("sha256")
sha384 = _constructor("sha384")
sha512 = _constructor("sha512")
sha3_224 = _constructor("sha3_224")
sha3_256 = _constructor("sha3_256")
sha3_384 = _constructor("sha3_384")
sha3_512 = _constructor("sha3_512")
