# The program's own modules: found on sys.path, run once, cached; packages with relative imports, submodules
# as attributes, import *, circular imports seeing the part that has run, a failing import not cached, and
# the import errors
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "imported"))
import helper_mod
from helper_mod import f, K
import helper_mod as again
print(helper_mod.X, f(), helper_mod.__name__, again is helper_mod, K.__module__, type(K()).__qualname__)
print(repr(helper_mod).startswith("<module 'helper_mod' from '"), os.path.basename(helper_mod.__file__))
import shapes
print(shapes.Circle(2).r, shapes.square.SIDES, shapes.circle.sq is shapes.square)
import shapes.sub.deep
print(shapes.sub.deep.VALUE)
from shapes.sub import deep
print(deep is shapes.sub.deep, "deep" in dir(shapes.sub))
from shapes.square import *
print(SIDES, area(3), "_hidden" in globals())
import cycle_one
print(cycle_one.g())
for attempt in range(2):
    try:
        import fails_at_import
    except ValueError as e:
        print("attempt", attempt, type(e).__name__, e)
for stmt in ["import no_such_module", "from helper_mod import nothere", "import helper_mod.sub",
             "from . import sibling", "import shapes.nothere", "from shapes import nothere"]:
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, str(e).split(" (/")[0], e.name)
