# struct: native sizes and alignment against standard sizes and byte orders, every code, Struct, pack_into/unpack_from/iter_unpack and the errors per version
import struct, sys
print(struct.calcsize('@bhiq'), struct.calcsize('=bhiq'), struct.calcsize('<5sx2H'), struct.calcsize('@ci'), struct.calcsize('P'), struct.calcsize('n'), struct.calcsize('@lL'), struct.calcsize('e'))
print(struct.pack('>hIq', -2, 7, 1 << 40), struct.pack('<f d', 1.5, -0.1), struct.pack('@bi', 1, 2), struct.pack('3s', b'abcdef'), struct.pack('5s', b'ab'), struct.pack('?x?', True, 0))
print(struct.unpack('>hIq', struct.pack('>hIq', -2, 7, 1 << 40)), struct.unpack('<4B', b'\x01\x02\x03\xff'), struct.unpack('!e', struct.pack('!e', 0.5)))
print(struct.pack('c', b'x'), struct.unpack('2c', b'ab'), struct.pack('p', b'hi'), struct.pack('4p', b'hello'), struct.unpack('4p', b'\x02hiX'))
s = struct.Struct('>HH'); print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x00\x01\x00\x02'), list(s.iter_unpack(b'\x00\x01\x00\x02' * 2)), type(s).__name__)
buf = bytearray(8); struct.pack_into('<I', buf, 2, 0xdeadbeef); print(buf, struct.unpack_from('<I', buf, 2), struct.unpack_from('<H', buf, offset=4))
print(struct.pack('<Q', 2**64 - 1), struct.pack('<q', -2**63), struct.unpack('<d', struct.pack('<d', float('inf'))), struct.pack('>i', True))
for bad in ["struct.pack('h', 40000)", "struct.pack('B', -1)", "struct.pack('i', 'x')", "struct.pack('i', 1.5)", "struct.pack('hh', 1)",
            "struct.unpack('i', b'ab')", "struct.calcsize('y')", "struct.pack('c', b'ab')", "struct.pack('s', 5)", "struct.pack('<Q', -1)",
            "struct.pack('<I', 2**32)", "struct.unpack('H', b'abc')", "struct.pack('>q', 2**63)", "struct.pack('b', 128)", "struct.pack('?')"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
