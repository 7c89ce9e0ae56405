# io.StringIO: writing (print to it too), reading, seeking, truncating, closing; str.find and friends with
# start and end (code point indices, negative ones, empty needles).
import io
s = io.StringIO()
print("a", 1, file=s); s.write("bc\n"); s.writelines(["x", "y\n"])
print(repr(s.getvalue()), s.tell())
s.seek(0); print(repr(s.readline()), repr(s.read(2)), repr(s.read()), repr(s.read()))
s.seek(1); s.write("ZZ"); print(repr(s.getvalue()))
t = io.StringIO("l1\nl2\nl3"); print(list(t), t.tell())
t.seek(0); print(t.readlines()); t.truncate(3); print(repr(t.getvalue()))
with io.StringIO("q") as u:
    print(u.read())
try:
    u.read()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print(e)
s = "abcabc😀x"
print(s.find('b', 2), s.find('b', -3), s.rfind('b', 0, 4), s.find('x'), s.find('', 9), s.find('', 10), s.rfind(''), s.index('c', 3), s.rfind('c', -100, -1))
try: s.index('z')
except ValueError as e: print(e)
try: s.find(1)
except TypeError as e: print(e)
print('abc'.find('c', None, None), 'aaa'.rindex('a', 1), ''.find(''), 'a'.find('', 1), 'a'.find('', 2))
