# collections: namedtuple (fields, defaults, _make/_replace/_asdict, errors), deque (maxlen, rotate, both ends),
# defaultdict, Counter (most_common, arithmetic) and OrderedDict (move_to_end, popitem, each version's repr).
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._make([3, 4]), P._fields, isinstance(p, tuple), len(p))
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[9])
print(Q(1, 2), Q._field_defaults)
try: P(1)
except TypeError as e: print(e)
a, b = p; print(a, b, p == (1, 2), hash(p) == hash((1, 2)))
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0); print(d, len(d), d[0], d[-1], d.maxlen)
d.rotate(1); print(d); d.rotate(-2); print(d, d.pop(), d.popleft(), list(d))
print(deque(), deque('ab'), 3 in deque([3]), bool(deque()))
try: deque().pop()
except IndexError as e: print(e)
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(dd, dict(dd), dd.default_factory)
di = defaultdict(int); 
for ch in 'hello': di[ch] += 1
print(sorted(di.items()), defaultdict(None, {1: 2}))
try: defaultdict(None)['x']
except KeyError as e: print('KeyError', e)
c = Counter('abracadabra'); print(c, c.most_common(2), c['z'], c.total(), sorted(c.elements())[:4])
c.update('aaz'); c.subtract({'a': 1}); print(c['a'], c['z'], Counter(a=2, b=1) + Counter(a=1), Counter(a=3) - Counter(a=1, b=2), Counter())
print(Counter('ab') | Counter('bb'), Counter('aab') & Counter('ab'))
o = OrderedDict([('x', 1), ('y', 2), ('z', 3)]); o.move_to_end('x'); print(list(o), o.popitem(), o.popitem(last=False), o)
o2 = OrderedDict(a=1); o2.move_to_end('a', last=False); print(o2, OrderedDict() == {}, isinstance(o2, dict))
