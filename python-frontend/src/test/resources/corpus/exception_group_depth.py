# compare-stderr
# An uncaught exception group nested deeper than the traceback prints (max_group_depth 10), a member group
# with a traceback of its own, and notes that are not a list of str: a str __notes__ is one note per
# character to 3.11's printer and its repr to 3.12's and 3.13's.


def caught_group():
    try:
        raise ExceptionGroup("raised inner", [ValueError(1)])
    except ExceptionGroup as g:
        return g


deep = ExceptionGroup("L0", [caught_group()])
for i in range(12):
    deep = ExceptionGroup(f"L{i + 1}", [deep, KeyError(i)])
listed = ValueError(2)
listed.__notes__ = [42, "x", b"y"]
tupled = ValueError(3)
tupled.__notes__ = ("in", "a tuple")
text = TypeError(4)
text.__notes__ = "str"
raise ExceptionGroup("top", [caught_group(), listed, tupled, text, deep])
