#!/usr/bin/env python3
"""Writes the names in each built-in type's __dict__, and its MRO, as this CPython has them: the data dir()
needs for the built-ins, whose namespaces the lab does not hold as dicts.

Run once per version (tools/oracle/frontend_generate.sh does not; run it by hand when the list of types
changes):
    for v in 3.11.7 3.12.1 3.13.0; do PYENV_VERSION=$v python3 tools/oracle/builtin_namespaces.py; done
Writes python-frontend/src/main/resources/org/pymemlab/frontend/interp/namespaces-3.X.txt, one line per type:
    name|base,base,...|name name name ...
and stdlib-modules-3.X.txt, sys.stdlib_module_names one per line.
"""
import builtins
import os
import sys
import types
import weakref


def example_types():
    """The built-in types a program meets, by the name the lab registers them under (their __name__)."""
    found = [object, type, int, bool, float, str, bytes, list, tuple, dict, set, frozenset, range, slice,
             property, staticmethod, classmethod, super, type(None), type(NotImplemented), type(Ellipsis),
             types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.GeneratorType,
             types.CoroutineType, types.ModuleType, types.CellType, types.TracebackType, weakref.ref,
             types.GenericAlias, type(iter([])), type(iter(())), type(iter(range(0))), type(iter("")),
             type(iter({})), type(iter({}.values())), type(iter({}.items())), type(iter(set())), enumerate, zip,
             map, filter, reversed, type(reversed([])), type(iter(b""))]
    for name in dir(builtins):
        value = getattr(builtins, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            found.append(value)
    return found


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    out = os.path.join(root, "python-frontend", "src", "main", "resources", "org", "pymemlab", "frontend",
                       "interp", "namespaces-%d.%d.txt" % sys.version_info[:2])
    seen = set()
    lines = []
    for t in example_types():
        if t.__name__ in seen:
            continue
        seen.add(t.__name__)
        bases = ",".join(b.__name__ for b in t.__mro__[1:])
        lines.append("%s|%s|%s" % (t.__name__, bases, " ".join(t.__dict__.keys())))
    with open(out, "w") as f:
        f.write("# written by tools/oracle/builtin_namespaces.py under CPython %d.%d.%d\n" % sys.version_info[:3])
        f.write("\n".join(sorted(lines)) + "\n")
    print("wrote %s: %d types" % (out, len(lines)))
    if sys.version_info >= (3, 12):
        # 3.12+'s NameError hint "Did you forget to import 'x'?" names these
        stdlib = out.replace("namespaces-", "stdlib-modules-")
        with open(stdlib, "w") as f:
            f.write("\n".join(sorted(sys.stdlib_module_names)) + "\n")
        print("wrote %s: %d modules" % (stdlib, len(sys.stdlib_module_names)))


if __name__ == "__main__":
    main()
