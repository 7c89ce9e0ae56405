# hashlib: CPython's digests of bytes, bytearray and memoryview data, copy() and the running state, and its errors
import hashlib, sys
h = hashlib.md5(b'abc'); print(repr(h).split(' object')[0], h.name, h.digest_size, h.block_size, h.hexdigest())
s = hashlib.sha256(); s.update(b'a'); s.update(bytearray(b'bc')); s.update(memoryview(b'')); print(s.hexdigest(), s.copy().hexdigest() == s.hexdigest(), type(s).__name__, type(s).__module__)
c = s.copy(); c.update(b'd'); print(c.hexdigest() != s.hexdigest(), s.digest() == s.digest())
print(hashlib.new('sha1', b'abc').hexdigest(), hashlib.new('SHA256').name, hashlib.sha384(b'x').block_size, hashlib.sha3_256(b'').hexdigest()[:16])
for bad in ["hashlib.new('nope')", "hashlib.md5('str')", "hashlib.sha1().update(5)"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(hashlib.sha512(b'x').digest()[:4], {"md5", "sha256"} <= hashlib.algorithms_guaranteed, hashlib.md5(string=b'q').hexdigest())
