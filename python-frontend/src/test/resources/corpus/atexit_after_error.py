# compare-stderr
# atexit after an uncaught exception: its traceback first, then the exit functions, and the exit status 1.
import atexit
atexit.register(print, "exit function runs after the traceback")
def later():
    print("and a function registered first runs last")
atexit.register(later)
raise KeyError("uncaught")
