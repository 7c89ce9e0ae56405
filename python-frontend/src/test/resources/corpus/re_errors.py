# re: invalid patterns raise re.error (re.PatternError on 3.13) with CPython's message, position, line and
# column; repeat counts too large raise OverflowError; flag combinations ValueError; look-behind must be fixed width.
import re
pats = ['(a', 'a)', '*a', 'a**', 'a{2}{3}', '(?<x>a)', '\\q', '[a', '[z-a]', 'a{3,2}', '(?P<1a>x)', '(?P<a>x)(?P<a>y)',
        '(?P=b)', '(?P<a>(?P=a))', '\\1', '(a)\\2', '(?', '(?Px)', '(?i', '(?z)', 'a(?i)', '(?i-i:a)', '(?-a:x)', '(?L)a',
        '(?#abc', '\\x4', '\\u12', '\\U0011ffff', '\\N{NOSUCH NAME}', '\\N', '\\N{', '\\400', '[\\d-z]', '(?(1)a|b|c)',
        '(?(x)a)', '(?(0)a)', '(?(2)a)(b)', '(?<=a+)b', '(?<=a|bc)d', 'a\\', '(?P<a', '(?P<>a)', '(?P', 'x{99999999999}',
        '(?u)a', '(?a)(?u)b', '(?x) a b # comment\n c', '[]', '[^]', '(?<!', '(?i:a', '\\8', '[\\8]', '(?P<x>a)(?P=x', 
        '(?(1', '(?=a', 'a|*', '^*', '\\b*', '(?:)*', '(?m)^a$', 'a{,3}', '{1,', 'x{', '(?<=(a))\\1',
        '(?<=a(?<=b))', '(?<=a(?=bb+))c', '(?>a+)b', 'a++', 'a*+?']
for p in pats:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.groups, r.flags)
    except re.error as e:
        print(repr(p), 'error:', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p in [b'\\u1234', b'(?u)x', b'(?P<\xe9>x)', b'[\\w]+', b'\xe9\\q']:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.groups, r.flags)
    except re.error as e:
        print(repr(p), 'error:', e, '|', e.msg, e.pos, e.pattern)
for f in [re.L, re.U | re.A]:
    try: re.compile('a', f)
    except ValueError as e: print('ValueError', e)
try: re.compile(b'a', re.U)
except ValueError as e: print('ValueError', e)
try: re.compile('(?a)b', re.U)
except ValueError as e: print('ValueError', e)
try: re.compile('a\n\nb(')
except re.error as e: print(e, e.lineno, e.colno)
for f in [lambda: re.sub('a', 1, 'a'), lambda: re.compile('a').search('a', endpos='x'),
          lambda: re.split('a', 'bab', maxsplit='x'), lambda: re.compile('a').sub('b', 'aa', count='x'),
          lambda: re.match('(a)', 'a').group(2**70), lambda: re.match('(a)', 'a').start(None),
          lambda: re.split('a', 'bab', maxsplit=True), lambda: re.compile('a', 'x'), lambda: re.compile(1),
          lambda: re.compile(re.compile('a'), re.I), lambda: re.Pattern(), lambda: re.Match()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
