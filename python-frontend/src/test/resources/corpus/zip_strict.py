# zip(strict=True) raises as zip_next's check does when the arguments end at different lengths.
print(list(zip([1, 2], 'ab', strict=True)), list(zip(strict=True)), list(zip([1], strict=False)))
for args in (([1, 2], 'a'), ([1], 'ab'), ([1], [2], 'ab'), ([1, 2], [2, 3], 'a'), ([], [], [1, 2])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
z = zip([1, 2, 3], 'ab', strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print(e)
