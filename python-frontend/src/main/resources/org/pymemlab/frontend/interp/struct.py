# struct for PyMem Lab: CPython's API over _struct (Java). Struct is a Python class here, not CPython's C
# type, so its instances' sys.getsizeof differs.
import _struct
from _struct import calcsize, pack, pack_into, unpack, unpack_from

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


error.__module__ = "struct"
_struct.error = error


def iter_unpack(format, buffer):
    return iter(_struct.iter_unpack(format, buffer))


class Struct:
    __slots__ = ("format", "size")

    def __init__(self, format):
        self.size = calcsize(format)
        self.format = format.decode("latin-1") if isinstance(format, bytes) else format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return "Struct(%r)" % (self.format,)
