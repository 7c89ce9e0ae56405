# base64's Base32 (and its hex alphabet), Ascii85 and Base85: encodings, round trips and errors.
import base64, random
r = random.Random(5)
samples = [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', b'\0\0\0\0', b'    ', b'hello world!'] + [bytes(r.randrange(256) for _ in range(n)) for n in (7, 13, 40)]
for s in samples:
    row = [base64.b32encode(s), base64.b32hexencode(s), base64.a85encode(s), base64.a85encode(s, foldspaces=True, adobe=True), base64.b85encode(s), base64.b85encode(s, pad=True)]
    back = [base64.b32decode(row[0]) == s, base64.b32hexdecode(row[1]) == s, base64.a85decode(row[2]) == s, base64.a85decode(row[3], foldspaces=True, adobe=True) == s, base64.b85decode(row[4]) == s]
    print(row, back)
print(base64.a85encode(b'x' * 50, wrapcol=20, adobe=True), base64.b32decode(b'mzxw6===', casefold=True), base64.b32decode(b'0O======', map01=b'L') if False else '')
for bad in (lambda: base64.b32decode(b'abc'), lambda: base64.b32decode(b'MZXW6!=='), lambda: base64.a85decode(b'{'), lambda: base64.b85decode(b'\x7f'), lambda: base64.a85decode(b'ab', adobe=True)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
