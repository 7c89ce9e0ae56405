#!/usr/bin/env python3
"""Which one-character strings this CPython has already interned, as objects apart from its latin-1
singletons, when a program starts: the value of pymem.cpython-interning.startup-interned-chars in the
profile of this version (runtime/src/main/resources/pymem/profiles/cpython-X.Y.conf).

sys.intern(chr(c)) gives the interned object for that character if there is one, else interns chr(c) itself
(the singleton); so it is not chr(c) exactly when start-up interned another object first. This program has no
one-character constants of its own, which the compiler would intern before the test runs.

Usage: PYENV_VERSION=3.11.7 python3 startup_interned_chars.py
"""
import json
import sys

chars = "".join(chr(c) for c in range(256) if sys.intern(chr(c)) is not chr(c))
print("%d.%d startup-interned-chars = %s" % (sys.version_info[:2] + (json.dumps(chars),)))
