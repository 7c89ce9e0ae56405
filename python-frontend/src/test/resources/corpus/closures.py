# closures capture variables (cells), not values
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return fs
print([f() for f in make()])
def make2():
    return [lambda i=i: i for i in range(3)]
print([f() for f in make2()])
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c(), c.__closure__[0].cell_contents)
total = 0
def add(v):
    global total
    total += v
add(5); add(7)
print(total)
