# a mutable default argument is shared between calls
def append(x, acc=[]):
    acc.append(x)
    return acc
print(append(1), append(2), append(3))
print(append.__defaults__)
def fresh(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(fresh(1), fresh(2))
