# pprint: CPython's layout of nested containers at several widths, indents and depths, compact lists, long str and bytes split over lines, sorted and unsorted dict keys, recursion, underscore_numbers, subclasses with and without their own repr
import pprint, sys
data = {"name": "PyMem Lab", "versions": [3.11, 3.12, 3.13], "nested": {"z": list(range(30)), "a": ("x" * 30, "y" * 30, (1,)),
        "b": {3, 1, 2}, "c": frozenset({"q", "p"})}, 7: None, "bytes": b"0123456789" * 12, "ba": bytearray(b"ab" * 50),
        "long": "The quick brown fox jumps over the lazy dog. " * 4 + "\nsecond line\n"}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(60)), compact=True)
pprint.pprint(list(range(60)), width=30, compact=True)
print(pprint.pformat([[1, 2], (3,), {}, set(), (), [], {"k": [1] * 40}], width=50))
r = [1, 2]; r.append(r); d = {"self": None}; d["self"] = d
print(pprint.saferepr(r).split(" with id")[0], pprint.isrecursive(r), pprint.isreadable(r), pprint.isreadable([1, "a", None]), pprint.isreadable([object()]))
pprint.pprint([r][0][:2])
pprint.pp({"b": 1, "a": 2})
pprint.pprint({"b": 1, "a": 2, 1: "mixed keys", (1, 2): "tuple"})
pprint.pprint(1234567890, underscore_numbers=True)
print(pprint.pformat({"x": 10**20}, underscore_numbers=True))
pprint.pprint(type("C", (), {"a": 1, "__module__": "m"}).__dict__["a"])
pprint.pprint(("a" * 50, "b" * 50))
pprint.pprint("word " * 40)
pprint.pprint([{"id": i, "tags": ["t%d" % j for j in range(i)]} for i in range(6)])
class L(list): pass
class R(list):
    def __repr__(self): return "R!"
pprint.pprint(L(range(40)))
pprint.pprint(R(range(40)))
pprint.pprint([[[[[[1]]]]]], depth=3)
p = pprint.PrettyPrinter(width=20)
print(p.pformat(list(range(10))), p.isreadable({1: 2}))
for bad in ["pprint.PrettyPrinter(indent=-1)", "pprint.PrettyPrinter(depth=0)", "pprint.PrettyPrinter(width=0)"]:
    try:
        eval(bad)
    except ValueError as e:
        print(e)
