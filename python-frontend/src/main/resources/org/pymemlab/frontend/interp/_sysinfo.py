"""The sys module's struct sequences (version_info, int_info, float_info, hash_info), implementation and the
encoding functions, added to sys when it is first imported. CPython's struct sequences are C types; here they
are tuple subclasses with named read-only fields and the same repr."""
import sys


def _struct_sequence(qualified, fields):
    """A tuple type whose items are also attributes, printed as qualified(field=value, ...)."""
    module, _, name = qualified.rpartition('.')

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        return qualified + '(' + ', '.join('%s=%r' % (f, v) for f, v in zip(fields, self)) + ')'

    namespace = {'__slots__': (), '__new__': __new__, '__repr__': __repr__, '__module__': module,
                 'n_fields': len(fields), 'n_sequence_fields': len(fields), 'n_unnamed_fields': 0}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, index=index: self[index])
    return type(name, (tuple,), namespace)


_version = sys.version_info
sys.version_info = _struct_sequence('sys.version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'))(
    tuple(_version))
sys.hexversion = (_version[0] << 24) | (_version[1] << 16) | (_version[2] << 8) | (0xf << 4) | _version[4]
sys.int_info = _struct_sequence('sys.int_info', ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
                                                 'str_digits_check_threshold'))((30, 4, 4300, 640))
sys.float_info = _struct_sequence('sys.float_info', (
    'max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix',
    'rounds'))((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                2.220446049250313e-16, 2, 1))
sys.hash_info = _struct_sequence('sys.hash_info', (
    'width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'))(
    (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
sys.maxunicode = 1114111


class _Implementation:
    """sys.implementation: a simple namespace."""

    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        return 'namespace(' + ', '.join('%s=%r' % kv for kv in self.__dict__.items()) + ')'


sys.implementation = _Implementation(name='cpython', cache_tag='cpython-%d%d' % (_version[0], _version[1]),
                                     version=sys.version_info, hexversion=sys.hexversion,
                                     _multiarch='x86_64-linux-gnu')


def getdefaultencoding():
    """The default string encoding: 'utf-8'."""
    return 'utf-8'


def getfilesystemencoding():
    """The encoding of file names: 'utf-8'."""
    return 'utf-8'


sys.getdefaultencoding = getdefaultencoding
sys.getfilesystemencoding = getfilesystemencoding
