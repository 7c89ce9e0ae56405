# re: compile and the module functions; Pattern's attributes, repr (flags named, pattern cut at 200), equality
# and cache; Match's group/groups/groupdict/start/end/span/regs/lastindex/lastgroup/expand/[]/repr (match cut
# at 50); RegexFlag's repr, str, name, value and operators; re.error (re.PatternError on 3.13); escape.
import re
import copy

p = re.compile(r'(?P<key>\w+)=(?P<value>\d+)?', re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex, repr(p.groupindex), dict(p.groupindex))
print(re.compile('a'), re.compile('a').flags, re.compile(b'a').flags, re.compile('(?x)a'), re.compile(b'(?i)a'))
print(re.compile('a', re.I | re.M | re.S | re.X | re.A), re.compile('a', re.U | re.I), re.compile("it's"))
print(re.compile('x' * 300))
print(re.compile('abc') is re.compile('abc'), re.compile('abc') == re.compile('abc', re.I), re.compile(p) is p)
print(hash(re.compile('q')) == hash(re.compile('q')), copy.copy(p) is p, copy.deepcopy(p) is p)
re.purge()
print(re.compile('abc') == re.compile('abc'), type(p), type(p).__name__, re.Pattern, re.Match)

m = p.search('  alpha=12 beta=')
print(m, repr(m), bool(m), type(m))
print(m.group(), m.group(0), m.group(1), m.group('value'), m.group(1, 'value', 0), m[0], m['key'], m[2])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.start('value'), m.end(2), m.span(1), m.regs)
print(m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos)
m = p.search('  beta=')
print(m.groups(), m.groups('?'), m.groupdict(), m.groupdict(0), m.span(2), m.start(2), m.lastindex, m.lastgroup)
print(m.expand(r'[\g<key>] \1 \g<0>'), m.expand(r'<\g<value>>'))
for g in (3, -1, 'nope', 1.0):
    try:
        m.group(g)
    except IndexError as e:
        print('IndexError', e)
print(m[True], re.match('(a)(b)?', 'ac').lastindex, re.match('((a)(b))', 'ab').lastindex, re.match('(a)((b))', 'ab').lastindex)
print(re.match('(a)|(b)', 'b').lastindex, re.match('(?:(a)|b)+', 'ab').groups(), re.match(r'((a)b)()', 'ab').lastindex)
print(re.search('x' * 60, 'y' + 'x' * 70), re.match(b'a+', b'aab'), re.match('', 'abc'))
print(re.match('a', 'ba'), re.search('a', 'ba'), re.fullmatch('a|ab', 'ab'), re.fullmatch('a', 'ab'))

q = re.compile(r'\d+')
print(q.match('12ab34', 2), q.match('12ab34', 4), q.search('12ab34', 1, 5), q.fullmatch('12ab34', 4), q.search('1', 5))
m = q.search('ab34', -5, 100)
print(m.pos, m.endpos, q.search('ab345', 0, 4), q.findall('1a22b333', 1, 6), q.fullmatch('a12b', 1, 3))

print(re.I, repr(re.I), str(re.M), re.I | re.M, re.I | 0, 0 | re.S, re.A | re.U, re.NOFLAG, ~re.I)
print(int(re.I), re.I + 1, re.I == 2, re.I.value, re.I.name, (re.I | re.S).name, re.NOFLAG.name, format(re.I), f'{re.X:d}')
print(re.M & 8, re.M & re.I, re.M ^ re.M, re.IGNORECASE is re.I, re.RegexFlag, type(re.I), re.RegexFlag.__name__)
print(isinstance(re.I, int), re.X.value, hex(re.DOTALL), re.compile('a', re.I).flags == re.I | re.U)

for pattern in ['(a', 'a)', 'a**', '\\q', 'x\n(?P<1>y)']:
    try:
        re.compile(pattern)
    except re.error as e:
        print(type(e).__name__, repr(e), '|', e.msg, '|', e.pattern == pattern, e.pos, e.lineno, e.colno, e.args)
print(re.error.__name__, re.error.__module__, issubclass(re.error, Exception), hasattr(re, 'PatternError'))
print(re.escape('1+1=2? (a|b) [c] {d} ^$ a.b c\t-_#&~é'), re.escape(b'a.b\x00 c'), re.escape(''))
print(sorted(n for n in re.__all__ if n not in ('template', 'PatternError')))
