# base64 and binascii: encodings, the alternative and URL-safe alphabets, Base16, lenient and strict decoding
# with binascii's errors.
import base64, binascii
print(base64.b64encode(b'hello world'), base64.b64decode(b'aGVsbG8gd29ybGQ='), base64.b64decode('aGVsbG8gd29ybGQ='))
print(base64.urlsafe_b64encode(b'\xfb\xff'), base64.urlsafe_b64decode(b'-_8='), base64.b64encode(b'\xfb\xff', b'-_'))
print(base64.b16encode(b'\x01\xab'), base64.b16decode(b'01AB'), base64.b16decode(b'01ab', casefold=True), base64.standard_b64encode(b'x'), base64.encodebytes(b'x'*60))
for data in (b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256))):
    e = base64.b64encode(data)
    print(len(e), base64.b64decode(e) == data)
for bad in (lambda: base64.b64decode(b'abc'), lambda: base64.b64decode(b'a!bc', validate=True), lambda: base64.b16decode(b'0g'),
            lambda: base64.b64encode('str'), lambda: base64.b64decode(b'abcde'), lambda: base64.b64decode(b'=abc', validate=True),
            lambda: base64.b64decode(b'ab==cd', validate=True), lambda: base64.b64decode('é'), lambda: binascii.unhexlify(b'abc')):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, type(e).__module__, e)
print(base64.b64decode(b'a!b=c=='), binascii.Error.__mro__[1].__name__, binascii.hexlify(b'\x01\xff'), binascii.unhexlify('01ff'), base64.decodebytes(b'eA==\n'))
