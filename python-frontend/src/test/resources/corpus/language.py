# a tour of the language the frontend runs
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __str__(self):
        return f"<{self.kind} {self.name}>"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("rex")
print(d.speak(), str(d), isinstance(d, Animal), Dog.kind)
a, *rest = [1, 2, 3, 4]
print(a, rest)
x = y = 5
x += 1
print(x, y)
print(sorted([3, 1, 2], reverse=True), sum(range(10)), min(4, 2, 8), max("abc"))
print(list(map(lambda v: v * 2, [1, 2])), list(filter(None, [0, 1, 2])), list(enumerate("ab")))
print({1, 2} | {3}, {1, 2} & {2}, [1, 2] + [3], (1,) * 3, "x" * 3)
print("%s=%d %.2f" % ("n", 42, 3.14159), "{} {}".format(1, "two"))
print(divmod(17, 5), round(2.5), round(3.14159, 2), abs(-3), 7 // 2, -7 // 2, 7 % -3, 2 ** -1)
print(1 < 2 < 3, 1 < 3 < 2, "b" in "abc", 3 not in [1, 2])
s = "Hello, World"
print(s.lower(), s.split(", "), s[::-1], s[1:5], s.replace("l", "L"), s.startswith("He"))
dd = {"a": 1, "b": 2}
for k, v in dd.items():
    print(k, v)
print(list(dd.keys()), list(dd.values()), dd.get("c", 0))
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
print(i, hex(255), bin(5), chr(65), ord("A"), int("ff", 16), float("1.5"), bool([]), 0.1 * 3)
print(any([0, 0, 1]), all([]), list(reversed([1, 2, 3])), list(zip([1, 2], "ab")), repr("it's"))
