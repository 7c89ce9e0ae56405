# sys's struct sequences (version_info, int_info, float_info, hash_info) with their fields and reprs, hexversion,
# implementation, maxunicode and the encoding functions.
import sys
print(sys.version_info, sys.version_info.major, sys.version_info[:2], isinstance(sys.version_info, tuple))
print(sys.int_info, sys.int_info.bits_per_digit)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info)
print(sys.hash_info)
print(sys.implementation.name, sys.implementation.cache_tag, sys.hexversion >= 0x30b0000, sys.maxunicode)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), type(sys.version_info).__name__, len(sys.version_info))
