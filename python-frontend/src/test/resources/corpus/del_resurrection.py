# __del__ runs once; a resurrected object is not finalized again
import gc
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        saved.append(self)
p = Phoenix("p")
del p
print(len(saved))
q = saved.pop()
print(q.name)
del q
print(len(saved))
class Simple:
    def __del__(self):
        print("simple del")
s = Simple()
s = None
print("end")
