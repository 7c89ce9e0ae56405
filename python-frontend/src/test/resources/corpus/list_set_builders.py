# The sizes of lists and sets as CPython's builders make them: list(x) and list.extend by source (exact
# preallocation rounded to even, a guess of 8 then a trim, 3.13's resize for dicts and sets), starred displays,
# str.split's preallocation (per version) and splitlines' appends, set displays of constants (one merge) and the
# set operators (copy and merge, the smaller set's items, copy-and-discard); with split's edge cases and identities.
import sys; S=sys.getsizeof
N=(0,1,2,3,4,5,8,9,12,20)
def row(name, f): print(name.ljust(12), [S(f(n)) for n in N])
row('dict', lambda n: list({i:i for i in range(n)}))
row('keys', lambda n: list({i:i for i in range(n)}.keys()))
row('values', lambda n: list({i:i for i in range(n)}.values()))
row('items', lambda n: list({i:i for i in range(n)}.items()))
row('set', lambda n: list(set(range(n))))
row('frozenset', lambda n: list(frozenset(range(n))))
row('str', lambda n: list('a'*n))
row('range', lambda n: list(range(n)))
row('iter(range)', lambda n: list(iter(range(n))))
row('iter(tuple)', lambda n: list(iter(tuple(range(n)))))
row('iter(list)', lambda n: list(iter(list(range(n)))))
row('map', lambda n: list(map(int, range(n))))
row('zip', lambda n: list(zip(range(n), range(n))))
row('enumerate', lambda n: list(enumerate(range(n))))
row('filter', lambda n: list(filter(None, range(1, n+1))))
row('gen', lambda n: list(x for x in range(n)))
row('rev(range)', lambda n: list(reversed(range(n))))
row('rev(list)', lambda n: list(reversed(list(range(n)))))
row('rev(tuple)', lambda n: list(reversed(tuple(range(n)))))
row('sorted gen', lambda n: sorted(x for x in range(n)))
row('sorted list', lambda n: sorted(list(range(n))))
row('ext list', lambda n: (lambda l: (l.extend(list(range(n))), l)[1])([]))
row('ext dict', lambda n: (lambda l: (l.extend({i:i for i in range(n)}), l)[1])([]))
row('ext set', lambda n: (lambda l: (l.extend(set(range(n))), l)[1])([]))
row('ext str', lambda n: (lambda l: (l.extend('a'*n), l)[1])([]))
row('ext nonempty', lambda n: (lambda l: (l.extend(list(range(n))), l)[1])([0]))
row('ext gen ne', lambda n: (lambda l: (l.extend(x for x in range(n)), l)[1])([0]))
def iadd(l, x):
    l += x
    return l
def ior(s, x):
    s |= x
    return s
def iand(s, x):
    s &= x
    return s
def isub(s, x):
    s -= x
    return s
def ixor(s, x):
    s ^= x
    return s
row('+=', lambda n: iadd([], list(range(n))))
row('+= op', lambda n: (lambda l: [l := l + []] and l)([0]*n))
row('tuple(gen)', lambda n: tuple(x for x in range(n)))
row('[*gen]', lambda n: [*(x for x in range(n))])
row('[*list]', lambda n: [*list(range(n))])
row('[0,*list]', lambda n: [0, *list(range(n))])
row('[0,*l,1]', lambda n: [0, *list(range(n)), 1])
row('copy', lambda n: list(range(n)).copy())
row('slice', lambda n: list(range(n+1))[1:])
row('mul', lambda n: [0] * n)
row('split', lambda n: ('a '*n).split())
row('split sep', lambda n: ','.join(['a']*n).split(','))
row('split sep2', lambda n: ', '.join(['ab']*n).split(', '))
row('split max', lambda n: ('a '*n).split(None, 2))
row('rsplit', lambda n: ('a '*n).rsplit())
row('rsplit sep', lambda n: ','.join(['a']*n).rsplit(',', 3))
row('splitlines', lambda n: ('a\n'*n).splitlines())
row('set|', lambda n: set(range(n)) | set(range(n, 2*n)))
row('set&', lambda n: set(range(2*n)) & set(range(n, 3*n)))
row('set-', lambda n: set(range(2*n)) - set(range(n)))
row('set- small', lambda n: set(range(8*n)) - {1})
row('set^', lambda n: set(range(2*n)) ^ set(range(n, 3*n)))
row('set|=', lambda n: ior(set(range(n)), set(range(n, 3*n))))
row('set&=', lambda n: iand(set(range(4*n)), set(range(n, 3*n))))
row('set-=', lambda n: isub(set(range(4*n)), set(range(n))))
row('set^=', lambda n: ixor(set(range(2*n)), set(range(n, 3*n))))
print(sorted(set(range(20)) & set(range(10, 30))), list({5, 1, 9} | {3, 1}), list({3,2,1} ^ {2, 5}))
print({-1, 2, 3}, {1, 2, 3, 4, 5, 6, 7}, S({-1, 2, 3, 4, 5, 6, 7}), S({(1,2), 3, 4, 5, 6, 7}))
print('a b  c '.split(None, 1), 'a,b,c'.rsplit(',', 1), ' a\xa0b '.split(), 'x\x1cy'.splitlines(), 'a\r\nb\rc'.splitlines(True))
print('  a  '.strip() , '\xa0a\xa0'.strip(), 'abc'.split('€'), 'a'.split('aa'))
try: 'a'.split('')
except ValueError as e: print(e)
try: 'a'.split(1)
except TypeError as e: print(e)
s = 'abc'; print(s.split()[0] is s, s.split(',')[0] is s, s.splitlines()[0] is s, s.rsplit()[0] is s)
