# compare-stderr
# A NameError inside a method whose instance has that attribute: 3.12+ suggest 'self.width' (3.11 the closest
# name it finds, if any).
class K:
    def __init__(self):
        self.width = 3
    def area(self):
        return width
K().area()
