# small-int cache, one-character strings, interning
import sys
a = 256
b = int("256")
print(a is b)
c = 257
d = int("257")
print(c is d, c == d)
e = -5
print(e is int("-5"), -6 is int("-6"))
s1 = "hello"
s2 = "".join(["hel", "lo"])
print(s1 == s2, s1 is s2, sys.intern(s2) is s1)
print(chr(97) is "a", "abc"[0] is "a")
print(len("héllo"), "é" * 3)
