# compare-stderr
# A decorator that fails inside a class body: the class statement's frame shows the statement (3.13 spans it
# to the end of the body's last statement) and the class body's frame points at the decorator.
def deco(f):
    raise ValueError("in deco")
class Data:
    x = 1
    @deco
    def value(self):
        return 42
    y = 2
