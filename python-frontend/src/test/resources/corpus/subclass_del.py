# __del__ of subclasses of built-ins (int, tuple, str and list): run when the last reference goes or the collector
# frees a cycle, and an instance it resurrects stays alive, attributes and all.
import gc


class Noisy(int):
    def __del__(self):
        print("del", int(self))


class NoisyT(tuple):
    def __del__(self):
        print("del tuple", len(self))


class NoisyL(list):
    def __del__(self):
        print("del list", len(self))


a = Noisy(5)
del a
t = NoisyT((1, 2))
t.me = t
del t
print("collect", gc.collect())
l = NoisyL([1])
del l
print("end")
saved = []


class Phoenix(str):
    def __del__(self):
        print("del", self)
        saved.append(self)


p = Phoenix("phoenix")
p.n = 1
del p
print(saved, type(saved[0]).__name__, saved[0].n)
saved.clear()
print("cleared", saved)
c = Phoenix("cycle")
c.me = c
del c
print("collect", gc.collect(), len(saved))
