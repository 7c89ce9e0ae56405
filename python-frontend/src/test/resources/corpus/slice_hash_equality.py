# Slice objects compare as the tuples of their bounds; from 3.12 they hash (as dict keys), before they do not.
s = slice(1, 2)
print(s == slice(1, 2), s != slice(1, 2), s == slice(1, 3), s == (1, 2, None))
try:
    print(hash(s) == hash(slice(1, 2)), hash(slice(None)), hash(slice(1, 5, 2.5)))
    d = {s: 1}
    d[slice(1, 2)] = 2
    print(d, slice(1, 2) in d, slice(1, 3) in d)
    print({slice(1, 2), slice(1, 2), slice(0)})
except TypeError as e:
    print(e)
try:
    hash(slice([], 1))
except TypeError as e:
    print(e)
