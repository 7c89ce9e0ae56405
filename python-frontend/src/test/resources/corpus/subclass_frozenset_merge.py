# A frozenset subclass made from a set or a dict: make_new_set merges it (set_merge presizes the table to
# twice the items, then copies the entries); from a list the items are added one by one, and the tables
# differ in size. Plain set(s)/frozenset(s) alongside.
import sys


class FS(frozenset):
    pass


s = set(range(100))
d = dict.fromkeys(range(40))
for src in (s, frozenset(range(30)), d, list(range(100))):
    print(type(src).__name__, sys.getsizeof(FS(src)), sys.getsizeof(frozenset(src)), sys.getsizeof(set(src)))
