# weak references and their callbacks
import weakref, gc
class Obj:
    pass
o = Obj()
r = weakref.ref(o)
print(r() is o)
def gone(ref):
    print("callback", ref is r2)
r2 = weakref.ref(o, gone)
del o
print(r(), r2())
c = Obj()
c.me = c
r3 = weakref.ref(c, lambda ref: print("cycle member gone"))
del c
print("before collect")
gc.collect()
print(r3())
