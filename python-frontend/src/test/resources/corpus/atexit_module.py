# compare-stderr
# atexit: functions run when the program ends, last registered first, with their arguments; unregister
# removes every registration of a function; an exception in one is printed (each version's header) and the
# rest still run.
import atexit, sys
def bye(name, punct="!"):
    print("bye", name + punct)
def boom():
    raise ValueError("in atexit")
atexit.register(bye, "first")
atexit.register(boom)
r = atexit.register(bye, "second", punct="?")
print(r is bye)
atexit.register(print, "unregistered")
atexit.unregister(print)

print("main done")
