# A class's __dict__ is a mappingproxy: read through, refused writes, 40 bytes; types.MappingProxyType and a
# dict view's mapping make one too; hash() of one is the mapping's from 3.12; re's groupindex is one.
import sys, types
class C:
    x = 1
    def m(self):
        pass
d = C.__dict__
print(type(d).__name__, d['x'], 'x' in d, 'y' in d, len(d) > 0, bool(d), sys.getsizeof(d))
for bad in (lambda: d.__setitem__('y', 2), ):
    pass
try:
    d['y'] = 2
except TypeError as e:
    print(e)
try:
    del d['x']
except TypeError as e:
    print(e)
try:
    d['zz']
except KeyError as e:
    print('KeyError', e)
print(d.get('x'), d.get('nope', 'dflt'), sorted(k for k in d.keys() if not k.startswith('__')), type(d.copy()).__name__)
print([k for k in d if k == 'x'], 'm' in d.keys(), d == d.copy(), C.__dict__ is not C.__dict__)
try:
    hash(d)
except TypeError as e:
    print(e)
p = types.MappingProxyType({'a': 1, 'b': 2})
print(p, str(p), p['a'], list(p), p.get('c', 0), list(p.items()), type(p).__name__, p == {'a': 1, 'b': 2})
for arg in ([1], 5):
    try:
        types.MappingProxyType(arg)
    except TypeError as e:
        print(e)
dd = {'k': 'v'}
print(dd.keys().mapping, dd.values().mapping['k'], dd.items().mapping is not dd)
class D:
    pass
D.y = 5
print(D.__dict__['y'], 'y' in vars(D))
print(repr(p), str(p), repr(C.__dict__)[:14])
import re
print(re.compile('(?P<a>x)').groupindex, type(re.compile('(?P<a>x)').groupindex).__name__)
print(sorted(k for k in dict(C.__dict__) if not k.startswith('__')), dict(p))
