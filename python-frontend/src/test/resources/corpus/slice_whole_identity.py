# A full slice of an exact str, bytes or tuple is the object itself (a reference more), of a subclass or a list a new object
import sys
b = b'hello'
t = (1, 2, 3)
s = 'hello'
print(b[:] is b, b[0:5] is b, b[::1] is b, b[::-1] is b, b[0:10] is b, b[1:] is b)
print(t[:] is t, t[0:3] is t, t[::-1] is t, t[0:10] is t, t[:2] is t, s[:] is s, s[-5:] is s, s[:-1] is s)
class T(tuple): pass
x = T((1, 2)); print(x[:] is x, type(x[:]).__name__)
class S(str): pass
y = S('ab'); print(y[:] is y, type(y[:]).__name__)
l = (1, 2, 3); before = sys.getrefcount(l); z = l[:]; print(sys.getrefcount(l) - before, z is l)
e = (); print(e[:] is e, ''[:] is '', b''[:] is b'', [1][:] is [1])
