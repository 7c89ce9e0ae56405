# compare-stderr
# Exception notes (PEP 678): add_note, the __notes__ list made on the first note, CPython's TypeError for a
# note that is not a str, and the notes printed under the exception line of an uncaught exception.
import sys

e = ValueError("bad value")
print(hasattr(e, "__notes__"))
print(e.add_note("first note"))
notes = e.__notes__
print(type(notes).__name__, notes)
e.add_note("second\nnote on two lines")
print(e.__notes__ is notes, len(notes), sys.getrefcount(notes))

for bad in (3, None, b"bytes", ["x"]):
    try:
        e.add_note(bad)
    except TypeError as t:
        print("TypeError:", t)
print(e.__notes__)
odd = ValueError()
odd.__notes__ = ("a", "tuple")
try:
    odd.add_note("more")
except TypeError as t:
    print("TypeError:", t)

# notes are an ordinary list: the program may edit it or replace it
e.__notes__.append("appended by hand")
print(len(e.__notes__))
e.__notes__ = ["replaced"]
e.add_note("after replacing")
print(e.__notes__)


class Failure(Exception):
    pass


def validate(n):
    try:
        if n < 0:
            raise Failure(f"negative: {n}")
    except Failure as f:
        f.add_note(f"while validating {n}")
        raise


for n in (3, -1):
    try:
        validate(n)
        print("ok", n)
    except Failure as f:
        print(repr(f), f.__notes__)

try:
    {}["missing"]
except KeyError as k:
    k.add_note("looked up in an empty dict")
    print(str(k), k.__notes__)


def outer():
    try:
        validate(-7)
    except Failure as f:
        f.add_note("caught in outer")
        raise RuntimeError("outer failed") from f


outer()
