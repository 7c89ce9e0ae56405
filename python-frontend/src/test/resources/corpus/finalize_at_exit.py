# weakref.finalize at exit: the finalizers still pending with atexit true run when the program ends, newest
# first, in the atexit order of their first registration; after that no finalizer runs.
import weakref, atexit
class A: pass
keep1, keep2, gone = A(), A(), A()
weakref.finalize(keep1, print, "finalize 1 at exit")
f2 = weakref.finalize(keep2, print, "finalize 2 at exit")
weakref.finalize(gone, print, "finalize 3 when gone")
f4 = weakref.finalize(keep1, print, "not at exit")
f4.atexit = False
atexit.register(print, "registered after the finalizers")
del gone
print("end of program")
