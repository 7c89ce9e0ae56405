# freed memory is reused: the id of a new object may equal a dead one's (compared, never printed)
x = [1, 2]
idx = id(x)
del x
y = [3, 4]
print(id(y) == idx)
f1 = 1.5 * 3
idf = id(f1)
del f1
f2 = 2.5 * 3
print(id(f2) == idf)
z = 7.25
h = z * 2
idh = id(h)
del h
h2 = z * 3
print(id(h2) == idh)
