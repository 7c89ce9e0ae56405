from . import square as sq
print("shapes.circle runs:", __name__, __package__, sq.SIDES)

class Circle:
    def __init__(self, r):
        self.r = r
