# A function frame's f_locals: on 3.13 a FrameLocalsProxy (PEP 667) that reads and writes the locals where they
# are and holds none of them (a local's refcount does not grow), cannot remove a variable, and shows itself as
# {...} among its own frame's locals; on 3.11 and 3.12 the dict the frame keeps, which writes do not reach.
import sys
def g():
    x = object()
    fr = sys._getframe()
    p = fr.f_locals
    print(type(p).__name__, sys.getrefcount(x), p["x"] is x, "x" in p, "nope" in p, len(p) >= 2)
    p["x"] = 5
    print(x == 5, sorted(p), sorted(p.keys())[:2], p.get("zz", "dflt"))
    y = 1
    print(sorted(p), p == dict(p), repr(p)[:5], repr(p).count("{...}"))
    try:
        del p["x"]
    except Exception as e:
        print(type(e).__name__, e)
    try:
        p["zz"]
    except KeyError as e:
        print("KeyError", e)
    return fr
f = g()
print(type(f.f_locals).__name__, sorted(f.f_locals))
