# str.format replacement fields: .attribute and [index] parts, brackets holding a '}', format specs with '[' fills, automatic against manual numbering, and the errors
class P:
    x = 3
    items = [10, 20]
d = {"k": "v", 1: "one"}
print("{0.x} {0.items[1]} {1[k]} {1[1]} {p.__class__.__name__:>6}|".format(P(), d, p=P()), "{0[0]}{0[1]}".format("ab"))
for bad in ["'{0.}'.format(1)", "'{0[0}'.format([1])", "'{0.nope}'.format(1)", "'{0[5]}'.format([1])", "'{0]x}'.format(1)"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
print("{:[^9}|{!r:]>6}|{x[a]:*<5}".format("ab", "cd", x={"a": "q"}))
for f in ["{}{0}", "{0}{}"]:
    try:
        f.format(1, 2)
    except ValueError as e:
        print(e)
try:
    print("{0".format(1))
except ValueError as e:
    print(e)
try:
    print("{name}".format(other=1))
except KeyError as e:
    print(type(e).__name__, e)
