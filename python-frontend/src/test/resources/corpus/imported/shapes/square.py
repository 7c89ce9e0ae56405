SIDES = 4
__all__ = ["SIDES", "area"]

def area(side):
    return side * side

def _hidden():
    pass
