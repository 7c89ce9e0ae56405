# re: what the pattern language means: ^ $ \A \Z with and without MULTILINE, pos and endpos (the real start,
# look-behind before pos, endpos as the end), Unicode \w \d \s \b for str and ASCII ones under re.ASCII,
# case-insensitive matching, verbose mode, sets, escapes, repeats ({,n} and a literal {), lazy, possessive
# and atomic groups, look-arounds, back-references, conditional groups, and indices past the BMP.
import re
def show(*a):
    print(*a)
# anchors and newlines
show(re.findall(r'^\w+$', 'ab\ncd\n', re.M), re.findall(r'^', 'a\n', re.M), re.findall('$', 'a\nb\n'), re.findall('$', 'a\nb\n', re.M))
show(re.search(r'a$', 'a\n'), re.search(r'a\Z', 'a\n'), re.search(r'\Aa', 'ba'), re.search('.', '\n'), re.search('.', '\n', re.S))
show(re.compile('^a').search('ba', 1), re.compile('(?m)^a').search('b\na', 1), re.compile(r'(?<=b)a').search('ba', 1))
show(re.compile(r'a$').search('ab', 0, 1), re.compile(r'\ba').search('ba', 1), re.compile(r'a\b').search('ab', 0, 1))
show(re.match('a', 'xa', ), re.compile('a').match('xa', 1), re.compile('a').fullmatch('xab', 1, 2), re.fullmatch('a|ab', 'ab'))
# unicode classes
s = 'héllo wörld ٣4 ²½ _x\u00a0y\x1cz\u2003\u0301é'
show(re.findall(r'\w+', s), re.findall(r'\d', s), re.findall(r'\s', s), re.findall(r'\w+', s, re.A), re.findall(r'\W+', s))
show(re.findall(r'[\w]+', s), re.findall(r'[^\W\d]+', s), re.findall(r'[\s\d]', s), re.findall(r'(?a:\w+)', s))
show(re.findall(r'\b\w', 'ab cd_e f-g'), re.findall(r'\B\w', 'ab cd_e'), re.split(r'\s+', ' a  b c '))
show(re.findall('(?i)straße', 'STRASSE Straße'), re.findall('(?i)[k]', 'kK\u212a'), re.findall('(?ai)[k]', 'kK\u212a'))
show(re.findall(r'(?i)\xe9', 'Éé'), re.findall(r'(?i:a)b', 'ABab Ab'), re.findall(r'(?i)a(?-i:b)', 'ABab Ab'))
# emoji and astral positions
e = 'a😀b😀😀c'
show([m.span() for m in re.finditer('😀+', e)], re.sub('😀', '<>', e), re.split('b', e), re.search('c', e).start(), re.findall('.', e))
show(re.search('[😀-😂]', 'x😁').span(), re.compile('b').search(e, 3))
# groups
m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<x>!)?', 'Jane Doe rest')
show(m.group(), m.group('first', 'last', 2), m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0), m.lastindex, m.lastgroup)
show(m.start('last'), m.end(1), m.span('x'), m['last'], m.re.pattern, m.string, m.pos, m.endpos, bool(m), m.regs)
show(m.expand(r'\g<last>, \g<first>\n\1'), re.match('(a)|(b)', 'b').lastindex, re.match('(?:(a)|b)+', 'ab').groups())
show(re.match(r'(a)(b)?', 'ac').lastindex, re.match(r'((a)(b))', 'ab').lastindex, re.match(r'(a)((b))', 'ab').lastindex)
show(re.match(r'(?P<n>a)(?P=n)', 'aa'), re.match(r'(a)\1', 'aA', re.I), re.match(r'(a)\1', 'ab'))
show(re.match(r'(a)?(?(1)b|c)', 'ab'), re.match(r'(a)?(?(1)b|c)', 'c'), re.match(r'(?P<q>")?\w+(?(q)")', '"ab"'),
     re.match(r'(?(1)a|b)(c)', 'bc'), re.match(r'(a)?(?(1)b)c', 'c'))
show(re.match(r'x*', 'xxx').span(), re.match(r'x*?', 'xxx').span(), re.match(r'x{2,}', 'xxx').span(), re.match(r'x{,2}', 'xxx').span())
show(re.match(r'a{', 'a{'), re.match(r'a{1', 'a{1'), re.match(r'a{1,x}', 'a{1,x}'), re.match('a{}', 'a{}'), re.match(r'x{2}', 'xxx'))
show(re.match(r'(?>a+)a', 'aaa'), re.match(r'a++a', 'aaa'), re.match(r'a*+b', 'aab'), re.match('[]a]+', ']a]'), re.match('[^]a]+', 'bc]'))
show(re.match(r'[a\-z]+', 'a-z'), re.match(r'[\]]', ']'), re.match('[a-]+', 'a-'), re.match(r'[\x41-\x43]+', 'ABCD'), re.findall(r'[.*+?^$]', 'a.b*c$'))
show(re.match('(?x) a  b  # comment\n  c', 'abc'), re.match('(?x)[ ]a', ' a'), re.match(r'(?x)a\ b', 'a b'), re.match('a b', 'a b', re.X))
show(re.findall(r'\t\n\r\f\v\a\x41\u0042\U00000043\101\0\N{EM DASH}', '\t\n\r\f\v\x07ABCA\x00—'))
show(re.search(r'(?<!a)b', 'ab cb'), re.search(r'(?=c)\w', 'abc'), re.search(r'a(?!b)', 'abac'), re.search(r'(?<=ab)c', 'abc'))
show(re.findall(r'(?=(\w\w))', 'abcd'), re.findall(r'\d+|[a-z]+', 'ab12cd3'), re.findall(r'(a)(b)|(c)', 'abc'))
show(re.findall(r'[&a]', 'a&b'), re.findall(r'[\[a]', 'a[b'), re.findall(r'(?i)[^a-c]+', 'ABxyCd'), re.findall(r'[\s\S]', 'a\n'))
show(re.match(r'(?P<a>x)(?P<b>y)?(?(b)z|w)', 'xw'), re.match(r'(?P<a>x)(?P<b>y)?(?(b)z|w)', 'xyz'), re.match(r'(a)(?(1)b)', 'ab'))
show(re.findall(r'(?<=\d{2})x', '1x22x'), re.findall(r'(?<![a-z])\d', 'a1 2'), re.search(r'(?<=^)a', 'a'), re.search(r'\Ba\B', 'cab'))
show(re.match(r'(?s:.)(?-s:.)?', '\n\n'), re.match(r'(?i)(?-i:a)', 'A'), re.match(r'(?a:\w)\w', 'éé'), re.match(r'(?u)\w', 'é'))
show(re.fullmatch(r'(?x) \d+ (?: \. \d+ )? # a number', '3.14'), re.match(r'(?x)[#]a', '#a'), re.match('a\\ b', 'a b', re.X))
show(re.match(r'(?m)a$\n^b', 'a\nb'), re.findall(r'(?m)^$', '\n\n'), re.findall(r'$', 'x\n'), re.search(r'\Z', 'a\n').span())
show(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(a+)+b', 'aab').groups(), re.match(r'(a*)*', 'b').groups())
show(re.match(r'(?:(a)|(b))*', 'ab').groups(), re.match(r'(a)?(b)?', 'b').lastindex, re.match(r'((a)|b)+', 'ab').groups())
show(re.match(r'\x{2}', 'x{2}') if False else '', re.match(r'\d{2,3}?', '1234'), re.match(r'a{0}b', 'b'), re.match(r'.{3}$', 'abc\n'))
