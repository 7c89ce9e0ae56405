# An AttributeError raised by a class's __getattr__ is the one a failed lookup raises (with the name and the
# object added when it has none); hasattr and getattr with a default swallow it.
class Dynamic:
    def __getattr__(self, name):
        if name == 'named':
            raise AttributeError('with its own name', name='given', obj=None)
        raise AttributeError(f'no {name} here')


d = Dynamic()
for attr in ('thing', 'named'):
    try:
        getattr(d, attr)
    except AttributeError as e:
        print(e, e.name, e.obj is d, e.obj is None)
try:
    d.other
except AttributeError as e:
    print(e, e.name, e.obj is d)
print(hasattr(d, 'x'), getattr(d, 'x', 'default'))


class Failing:
    def __getattr__(self, name):
        raise KeyError(name)


try:
    Failing().x
except KeyError as e:
    print('KeyError', e)
try:
    hasattr(Failing(), 'x')
except KeyError as e:
    print('hasattr lets other errors through:', e)


class Sub(list):
    def __getattr__(self, name):
        raise AttributeError('sub ' + name)


try:
    Sub().missing
except AttributeError as e:
    print(e, e.name)
