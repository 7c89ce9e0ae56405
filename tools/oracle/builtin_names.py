#!/usr/bin/env python3
"""Which public names of CPython's built-in types the lab's interpreter lacks.

Usage (from the worktree root):
  PYENV_VERSION=3.13.0 python3 tools/oracle/builtin_names.py [PROFILE]

Takes dir(T) of this CPython for str, bytes, int, float, list, tuple, dict, set, frozenset, object and the
builtins module, writes a probe program that tries getattr(value, name) on a value of each type for each name, runs it on
`./pymem run --profile PROFILE --report none` (default cpython-3.13) and prints the names the lab lacks,
one line per type. With --dunders the probe covers the dunder names too.
"""
import builtins
import pathlib
import subprocess
import sys
import tempfile

TYPES = ["str", "bytes", "int", "float", "list", "tuple", "dict", "set", "frozenset", "object"]
# a value of each type, whose attributes the probe reads (a type's own lookup may answer more loosely)
SAMPLES = {"str": "'s'", "bytes": "b'b'", "int": "7", "float": "1.5", "list": "[1]", "tuple": "(1,)",
           "dict": "{1: 2}", "set": "{1}", "frozenset": "frozenset({1})", "object": "object()"}


def names(obj, dunders):
    return [n for n in dir(obj) if dunders or not n.startswith("_")]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dunders = "--dunders" in sys.argv
    profile = args[0] if args else "cpython-%d.%d" % sys.version_info[:2]
    wanted = {t: names(getattr(builtins, t), dunders) for t in TYPES}
    probe = ["wanted = [" + ", ".join("(%r, %s, %r)" % (t, SAMPLES[t], wanted[t]) for t in TYPES) + "]",
             "for owner, value, names in wanted:",
             "    missing = []",
             "    for name in names:",
             "        try:",
             "            getattr(value, name)",
             "        except Exception:",
             "            missing.append(name)",
             "    print(owner + ':', len(missing), 'of', len(names), 'missing:', ' '.join(missing))",
             "missing = []"]
    # the builtins module's names, each read as a global (the lab may have no importable builtins module)
    for name in [n for n in dir(builtins) if not n.startswith("_")]:
        probe += ["try:", "    " + name, "except Exception:", "    missing.append(%r)" % name]
    probe.append("print('builtins:', len(missing), 'missing:', ' '.join(missing))")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "probe.py"
        path.write_text("\n".join(probe) + "\n")
        root = pathlib.Path(__file__).resolve().parents[2]
        run = subprocess.run([str(root / "pymem"), "run", "--profile", profile, "--report", "none", str(path)],
                             capture_output=True, text=True)
        sys.stdout.write(run.stdout)
        sys.stderr.write(run.stderr)
        sys.exit(run.returncode)


if __name__ == "__main__":
    main()
