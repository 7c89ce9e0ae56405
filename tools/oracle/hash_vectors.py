#!/usr/bin/env python3
"""Expected hash() values, produced by the real CPython, for the runtime's hash tests.

Prints one JSON document to stdout: a header describing the interpreter and its hash
settings, and a list of vectors. Each vector says how to build the value (code points,
hex bytes, decimal strings, float.hex strings, nested items) and what hash() gave, so a
test in another language can rebuild the value and compare.

Run it under a fixed seed, for example:

    PYENV_VERSION=3.12.1 PYTHONHASHSEED=0 python3 tools/oracle/hash_vectors.py \
        > runtime/src/test/resources/hash/cpython-seed0.json

By default it also runs itself under the other interpreters named by --compare-with
(through pyenv, same PYTHONHASHSEED) and records in the header which of them produced
identical vectors. NaN vectors hash by object address, so they are compared by rule
(hash(nan) == object.__hash__(nan)), not by value.

Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys


def str_spec(s):
    return {"type": "str", "codepoints": [ord(c) for c in s]}


def bytes_spec(b):
    return {"type": "bytes", "hex": b.hex()}


def int_spec(i):
    return {"type": "int", "decimal": str(i)}


def float_spec(f):
    # float.hex gives 'inf', '-inf' and 'nan' for the non-finite values.
    return {"type": "float", "hex": f.hex()}


def spec_of(value):
    if isinstance(value, str):
        return str_spec(value)
    if isinstance(value, bytes):
        return bytes_spec(value)
    if isinstance(value, bool):
        raise TypeError("bool is not a vector type")
    if isinstance(value, int):
        return int_spec(value)
    if isinstance(value, float):
        return float_spec(value)
    if isinstance(value, tuple):
        return {"type": "tuple", "items": [vector(v) for v in value]}
    if isinstance(value, frozenset):
        # Sorted by repr so the file is stable; the hash does not depend on order.
        return {"type": "frozenset", "items": [vector(v) for v in sorted(value, key=repr)]}
    raise TypeError(type(value))


def vector(value):
    spec = spec_of(value)
    spec["hash"] = hash(value)
    return spec


def strings():
    values = ["", "a", "\x00", "\x7f", "\x80", "\xe9", "\xff", "hello", "hello world!",
              "café", "\xff" * 3, "\u0100", "\u20ac", "\u20acuro", "\u03a9" * 9, "\uffff",
              "\ud800", "\U0001f600", "a\U0001f600", "\U0001f600" * 5, "\U0010ffff",
              "a\xe9\u20ac\U0001f600", "abcdefghijklmnopqrstuvwxyz" * 3, "\u4e2d\u6587"]
    # Every SipHash tail length (0..7 bytes after the 8-byte blocks) for each kind.
    for n in range(1, 18):
        values.append("".join(chr(ord("a") + i % 26) for i in range(n)))
        values.append("".join(chr(0xe0 + i % 32) for i in range(n)))
    for n in range(1, 9):
        values.append("".join(chr(0x3b1 + i) for i in range(n)))
        values.append("".join(chr(0x1f600 + i) for i in range(n)))
    return values


def byte_strings():
    values = [b"", b"\x00", b"\xff", b"a", b"hello", b"hello world!", bytes(range(256))]
    values += [bytes(range(n)) for n in range(1, 18)]
    values += [bytes(range(255, 255 - n, -1)) for n in range(1, 18)]
    return values


def ints():
    values = [0, 1, -1, -2, 2, 5, -5, -6, 256, 257, 1000, -1000,
              2**30 - 1, 2**30, -2**30, 2**31, 2**32, 2**60, -2**60,
              2**61 - 2, 2**61 - 1, 2**61, 2**61 + 1, -(2**61 - 1), -(2**61 - 2), -2**61,
              2**62, 2**63 - 1, -2**63 + 1, -2**63, 2**63, -2**63 - 1, 2**64 - 1, 2**64,
              2**100, -2**100, 10**30, -10**30, 3**200, -(3**200), 2**122 - 1, 2**122 - 2]
    return values


def floats():
    return [0.0, -0.0, 1.0, -1.0, 1.5, -1.5, 0.5, 0.1, -0.1, 2.5, 1e100, -1e100, 1e-100,
            2.0**61, 2.0**62, -2.0**61, 2.0**-1, 2.0**-61, 2.0**-62, 1e-300, 5e-324,
            2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
            -1.7976931348623157e308, 3.141592653589793, 123456789.125, 2.0**52 + 1,
            float(2**53), 1e16, 1e22, 256.0, -256.0, float("inf"), float("-inf")]


def tuples():
    return [(), (1,), (-1,), (1, 2, 3), ("a", "b"), (1, ("x", b"y"), 2.5), ((),), ((), ()),
            tuple(range(20)), ("", b"", 0, 0.0), (2**100, -2**100), (float("inf"), -0.0),
            (frozenset({1, 2}), "z"), ("\U0001f600", "\u20ac", "\xe9", "a")]


def frozensets():
    return [frozenset(), frozenset({1}), frozenset({-1}), frozenset({1, 2, 3}),
            frozenset({"a", "b"}), frozenset({(1, 2)}), frozenset(range(100)),
            frozenset({frozenset({1})}), frozenset({b"x", "x", 1.5}), frozenset({0}),
            frozenset({2**61 - 1, 2**100}), frozenset({"", b"", ()})]


def nan_vectors():
    # 3.10+: a NaN hashes by identity (_Py_HashPointer of the object), like object.__hash__.
    result = []
    for _ in range(3):
        nan = float("nan")
        assert hash(nan) == object.__hash__(nan)
        result.append({"type": "float", "hex": nan.hex(), "id": id(nan), "hash": hash(nan)})
    return result


def vectors():
    result = []
    result += [vector(v) for v in strings()]
    result += [vector(v) for v in byte_strings()]
    result += [vector(v) for v in ints()]
    result += [vector(v) for v in floats()]
    result += [vector(v) for v in tuples()]
    result += [vector(v) for v in frozensets()]
    return result


def run_other(version):
    """The vectors another pyenv interpreter gives, or None when it cannot run."""
    env = dict(os.environ, PYENV_VERSION=version)
    try:
        # Not plain "python3": under pyenv the running interpreter's bin directory is
        # first on PATH, so only "pyenv exec" honours the new PYENV_VERSION.
        out = subprocess.run(["pyenv", "exec", "python3", __file__, "--compare-with", ""],
                             env=env, capture_output=True, text=True, timeout=120, check=True)
        other = json.loads(out.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    if other["header"]["python"] != version:
        return None
    # Its NaN vectors carry its own object addresses: leave them out of the comparison.
    return [v for v in other["vectors"] if "id" not in v]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare-with", default="3.11.7,3.13.0",
                        help="comma-separated pyenv versions to cross-check (empty: none)")
    args = parser.parse_args()

    seed = os.environ.get("PYTHONHASHSEED", "")
    if not seed.isdigit():
        sys.exit("hash_vectors.py: set PYTHONHASHSEED to an integer (0 disables randomization); "
                 "str and bytes hashes are meaningless under a random seed")

    info = sys.hash_info
    mine = vectors()
    agree, differ, unavailable = [], [], []
    for version in filter(None, args.compare_with.split(",")):
        other = run_other(version)
        if other is None:
            unavailable.append(version)
        elif other == mine:
            agree.append(version)
        else:
            differ.append(version)

    document = {
        "header": {
            "generator": "tools/oracle/hash_vectors.py",
            "python": "%d.%d.%d" % sys.version_info[:3],
            "implementation": sys.implementation.name,
            "pythonhashseed": seed,
            "hash_info": {"width": info.width, "modulus": info.modulus, "inf": info.inf,
                          "nan": info.nan, "algorithm": info.algorithm,
                          "hash_bits": info.hash_bits, "seed_bits": info.seed_bits,
                          "cutoff": info.cutoff},
            "same_vectors_under": agree,
            "different_vectors_under": differ,
            "not_checked": unavailable,
            "note": "nan vectors hash by object address and are not compared across versions",
        },
        "vectors": mine + nan_vectors(),
    }
    json.dump(document, sys.stdout, indent=1, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
