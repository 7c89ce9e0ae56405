# identity vs equality of ints, strs, tuples, lists
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b)
c = a
print(c is a, id(c) == id(a))
t1 = (1, 2)
t2 = (1, 2)
print(t1 == t2, t1 is t2)
x = 1000
y = 1000
print(x == y, x is y)
print(None is None, True is (1 == 1), [] == [], {} == {}, () is ())
print(1 == 1.0, hash(1) == hash(1.0), "ab" + "c" == "abc")
