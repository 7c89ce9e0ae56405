# re: sub and subn (templates with \1 \g<name> \g<0> and escapes, a function, count), split (maxsplit, groups,
# empty matches), findall and finditer (group shapes, empty matches next to others as 3.7+ allows them),
# pos/endpos, Pattern.scanner, and bytes patterns.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'), re.sub(r'(\w)', r'\g<1>0', 'ab'), re.sub('a', r'\n\t\\', 'xay'))
print(re.subn(r'\d', '#', 'a1b22c333'), re.subn(r'\d', '#', 'a1b22c333', count=2), re.subn('z', '#', 'abc'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'), re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'))
print(re.sub('(?m)^', '> ', 'a\nb\n'), re.sub(r'\s+$', '', 'abc   \n'), re.sub('a|(b)', r'[\1]', 'ab'))
print(re.sub('(a)', r'\g<0>\g<1>\1', 'a'), re.sub('a', r'\101\.', 'a'), repr(re.sub('a', r'\0\07', 'a')))
print(re.sub('a', lambda m: None, 'banana'), re.sub('a', lambda m: m.group().upper(), 'banana', count=1))
print(re.sub('a', 'x', 'banana', count=-1), re.sub('a', r'\\1', 'a'), re.sub(r'(a)(b)?', r'[\2]', 'a ab'))
print(re.sub('\\\\', '/', 'a\\b\\c'), re.sub('b', '', 'abcb'), re.sub('.', '', 'abc'), re.sub('x', 'y', ''))
p = re.compile(r'(\d+)-(\d+)')
print(p.sub(r'\2-\1', '1-2 and 30-40'), p.subn(lambda m: m.group(2), '1-2 and 30-40'), p.sub('', '1-2'))
for rep in [r'\g<2>', r'\g<a>', r'\g<-1>', r'\g', r'\g<', r'\9', r'\777', '\\', r'\g<>', r'\g<1a>', r'\q']:
    try:
        print(repr(re.sub('(a)', rep, 'a')))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 1, 'banana')
except TypeError as e:
    print('TypeError', e)

print(re.split(',', 'a,b,,c'), re.split(',', 'a,b,c', maxsplit=1), re.split('(,)', 'a,b'), re.split(r'(a)|(b)', 'xaybz'))
print(re.split('', 'abc'), re.split(r'\W*', 'a b'), re.split('(?=b)', 'abab'), re.split('x', ''), re.split('', ''))
print(re.split(r'\s+', ' a  b c '), re.split(r'\b', 'ab cd'), re.split('x*', 'axbc'), re.split('a', 'babab', maxsplit=-1))
print(re.split(r'[,;]\s*', 'one, two;three ,  four'), re.compile(r'(-)').split('a-b-c', 1))

print(re.findall('a', ''), re.findall('', ''), re.findall(r'\w*', 'ab c'), re.findall('(a)|b', 'ab'), re.findall('', 'ab'))
print(re.findall(r'(a)(b)?', 'ab a'), re.findall(r'(?=(\w\w))', 'abcd'), re.findall(r'\d+|[a-z]+', 'ab12cd3'))
print(re.findall(r'(a)(b)|(c)', 'abc'), re.findall(r'|a', 'a'), re.findall(r'a|', 'ab'), re.findall(r'\b', 'a b'))
print([m.group() for m in re.finditer(r'\w+', 'one two  three')], [m.span() for m in re.finditer('', 'ab')])
print([(m.start(), m.groups()) for m in re.finditer(r'(\d)(x)?', '1x2 3')], type(re.finditer('a', 'a')).__name__)
q = re.compile(r'\d')
print(q.findall('1a2b3', 1), q.findall('1a2b3', 1, 4), [m.span() for m in q.finditer('1a2b3', 2)])
print([(m.pos, m.endpos) for m in q.finditer('1a2b3', 1, 4)], q.findall('123', 3), q.findall('123', 2, 1))
s = re.compile(r'\w+').scanner('ab cd')
print(s.search(), s.search(), s.search(), s.search(), s.match())
s = re.compile(r'a*').scanner('aab')
print(s.match(), s.match(), s.match(), s.search(), s.search())

print(re.sub(b'a(.)', rb'\1\1', b'xaby'), re.split(b',', b'a,b'), re.findall(rb'\w+', b'ab cd\xe9'))
print(re.search(rb'\d+', b'x123'), re.match(rb'(?i)abc', b'ABC'), re.findall(rb'(?i)\xe9', b'\xe9\xc9'))
print(re.sub(b'x', lambda m: b'<' + m.group() + b'>', b'axbx'), re.subn(rb'(\w)', rb'\g<1>\1', b'ab'))
print(re.fullmatch(rb'[\x00-\x7f]+', b'abc\x01'), re.escape(b'a.b'), re.compile(rb'\s').split(b'a b\tc'))
for f in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('a', 1),
          lambda: re.sub(b'a', 'x', b'a'), lambda: re.sub('a', b'x', 'a'), lambda: re.compile('a').match('a', 'x')]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
calls = []
try:
    re.sub('a', lambda m: (calls.append(m.start()), 1 if m.start() > 2 else 'A')[1], 'banana')
except TypeError as e:
    print('TypeError', e, calls)
big = 'ab' * 50000
print(len(re.sub('a', 'xy', big)), len(re.split('b', big)), re.subn(r'(a)(b)', r'\2\1', big)[0][:10], len(re.findall('b', big)))
