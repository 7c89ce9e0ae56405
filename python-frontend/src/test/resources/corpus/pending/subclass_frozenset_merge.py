# A frozenset subclass made from a set or a dict: CPython's make_new_set merges it (set_merge presizes the
# table to twice the items), the lab adds the items one by one, so its tables grow larger; plain
# set(s)/frozenset(s)/s.copy() differ the same way.
import sys


class FS(frozenset):
    pass


s = set(range(100))
d = dict.fromkeys(range(40))
for src in (s, frozenset(range(30)), d, list(range(100))):
    print(type(src).__name__, sys.getsizeof(FS(src)), sys.getsizeof(frozenset(src)), sys.getsizeof(set(src)))
