# PEP 562: a module's own __getattr__ answers the names its dict lacks, for attribute reads, from-imports and
# hasattr; the dict comes first; its own AttributeError is what a plain read raises
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "imported"))
import lazy_names
print(lazy_names.lazy_one, lazy_names.computed)
from lazy_names import lazy_two
print(lazy_two, hasattr(lazy_names, "lazy_three"), hasattr(lazy_names, "other"), lazy_names.computed)
lazy_names.lazy_one = "set"
print(lazy_names.lazy_one, len(lazy_names.computed))
try:
    from lazy_names import other
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    lazy_names.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(lazy_names, "other", "default"))
