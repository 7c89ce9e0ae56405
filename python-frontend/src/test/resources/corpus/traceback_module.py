# The traceback module: format_exc, print_exc, format_exception (chained and not, limited), the exception
# only, format_tb and extract_tb, the running stack (extract_stack, format_list), walk_tb and FrameSummary,
# TracebackException (which keeps neither the exception nor its frames), linecache's lines.
import gc, io, re, sys, traceback, linecache

def show(text):
    # CPython names the program by its absolute path: only its name is printed
    print(re.sub(r'File "[^"]*/', 'File "', text), end="")

def inner(n):
    if n == 0:
        raise KeyError("missing")
    return inner(n - 1)

def outer():
    try:
        inner(2)
    except KeyError as e:
        raise ValueError("outer failed") from e

try:
    outer()
except ValueError:
    show(traceback.format_exc())
    print("--- print_exc without the chain, limit 2")
    out = io.StringIO()
    traceback.print_exc(limit=2, chain=False, file=out)
    show(out.getvalue())
    exc = sys.exception()

print("--- format_exception chunks:", len(traceback.format_exception(exc)),
      len(traceback.format_exception(type(exc), exc, exc.__traceback__, chain=False)))
print("--- limit -1")
show("".join(traceback.format_exception(exc, limit=-1, chain=False)))
print("--- only:", traceback.format_exception_only(exc), traceback.format_exception_only(None))
tb = exc.__cause__.__traceback__
print("--- format_tb")
show("".join(traceback.format_tb(tb)))
summary = traceback.extract_tb(tb)
print(type(summary).__name__, len(summary), [(f.name, f.lineno, f.line) for f in summary])
first = summary[0]
print(repr(first).split(",")[1:], first[2], list(first)[1:], len(first))
print([f.f_code.co_name for f, line in traceback.walk_tb(tb)])
print(traceback.format_list([("x.py", 3, "fn", "return 1")]))

def where():
    return traceback.extract_stack()
def caller():
    return where()
stack = caller()
print([(f.name, f.line) for f in stack][-3:])
show("".join(traceback.format_list(stack[-2:])))

# a TracebackException holds no frame: the exception's objects go with it
class Big:
    pass
def fail():
    big = Big()
    raise RuntimeError("with a local")
try:
    fail()
except RuntimeError as e:
    te = traceback.TracebackException.from_exception(e)
gc.collect()
print("Big instances alive:", sum(type(o) is Big for o in gc.get_objects()))
show("".join(te.format()))
print(list(te.format_exception_only()), str(te), [f.name for f in te.stack])

# recursion is summarized in stack formatting too
def down(n):
    if n == 0:
        return traceback.extract_stack()
    return down(n - 1)
show("".join(traceback.format_list(down(6))[-3:]))

print(repr(linecache.getline(__file__.rsplit("/", 1)[-1], 1)[:14]), repr(linecache.getline("nope.py", 1)))
