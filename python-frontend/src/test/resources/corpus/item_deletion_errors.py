# The refusals of item deletion and assignment: PyObject_DelItem words a sequence type's index key apart.
for obj in ((1, 2), 'ab', b'ab', range(3), 5, frozenset()):
    for key in (0, slice(0, 1), 'k'):
        try:
            del obj[key]
        except TypeError as e:
            print('del', type(obj).__name__, type(key).__name__, e)
        try:
            obj[key] = 1
        except TypeError as e:
            print('set', type(obj).__name__, type(key).__name__, e)
class C:
    pass
class D:
    def __index__(self):
        return 0
for key in (0, slice(0, 1), 'k', D(), True):
    try:
        del C()[key]
    except TypeError as e:
        print('del C', type(key).__name__, e)
for obj in (None, 1.5, set(), {}.keys(), ValueError(), print):
    try:
        del obj[0]
    except TypeError as e:
        print(e)
d = {}
try:
    d[1:2] = 3
    del d[1:2]
    d['a':'b'] = 1
    print(d)
except TypeError as e:
    print(e)
