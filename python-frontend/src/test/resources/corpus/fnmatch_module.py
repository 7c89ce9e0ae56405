# fnmatch: shell wildcards (*, ?, [seq], [!seq]) matched case-sensitively on POSIX, filter, and translate's
# regular expressions (atomic groups between stars).
import fnmatch
names = ["a.py", "b.txt", "ab.py", ".hidden.py", "c[1].py", "x", "A.PY"]
for pat in ["*.py", "?.py", "[ab]*", "[!a]*", "*[0-9]*", "c[[]1].py", "*.PY", "*", "x*y*"]:
    print(pat, fnmatch.filter(names, pat), fnmatch.fnmatch("A.PY", pat), fnmatch.fnmatchcase("a.py", pat))
for pat in ["*.py", "a?c", "[!x]*", "[]a]", "x[", "*a*b*", "[!]", "[]", "a*b*c", "[a-c]*.txt", "[^x]", "\\*"]:
    print(repr(fnmatch.translate(pat)))
