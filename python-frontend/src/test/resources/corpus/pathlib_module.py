# pathlib: pure paths as names (parsing and normalizing, parts, parents, suffixes, with_*, relative_to with
# 3.11's and 3.12's messages, match, ordering and hashing, the / operator) and Path's file system calls
# (mkdir with parents, read and write text and bytes, exists, is_file, is_dir, stat, iterdir, glob and rglob,
# unlink, resolve, rename), in a directory of its own under /tmp.
import os, sys
from pathlib import Path, PurePath, PurePosixPath, PosixPath
p = PurePath("/usr//lib/./python3.12/os.py")
print(repr(p), str(p), p.parts, p.name, p.suffix, p.stem, p.parent, p.anchor, p.root, p.drive)
print(list(p.parents), p.parents[1], len(p.parents), repr(p.parents)[:20])
q = PurePosixPath("a/b.tar.gz")
print(q.suffixes, q.with_suffix(".zip"), q.with_name("c.txt"), q.with_stem("x"), q / "c" / "d", "pre" / q)
print(PurePath("//x/y"), PurePath("///x/y"), PurePath(""), PurePath("a", "/b", "c"), PurePath(".") == PurePath(""))
print(p.relative_to("/usr"), p.is_relative_to("/usr/lib"), p.is_relative_to("/etc"), p.is_absolute(), q.is_absolute())
try:
    p.relative_to("/etc")
except ValueError as e:
    print("ValueError")
print(q.match("*.gz"), q.match("a/*.gz"), q.match("/a/*.gz"), p.match("lib/*/*.py"))
print(sorted([PurePath("b"), PurePath("a/c"), PurePath("a")]), PurePath("a") < PurePath("b"), hash(PurePath("a/b")) == hash(PurePath("a//b")))
print(type(Path("x")).__name__, type(PurePath("x")).__name__, isinstance(Path("x"), PurePath), os.fspath(Path("a/b")))
if sys.version_info >= (3, 12):
    print(PurePath("a/b").relative_to("a/c", walk_up=True))
else:
    print("..")
def rmtree(d):
    for child in d.iterdir():
        rmtree(child) if child.is_dir() else child.unlink()
    d.rmdir()

w = Path("/tmp/pymem-lab-pathlib-%d.%d" % sys.version_info[:2])
if w.exists():
    rmtree(w)
w.mkdir()
(w / "sub" / "deep").mkdir(parents=True)
(w / "one.txt").write_text("hello\n")
(w / "two.py").write_bytes(b"x = 1\n")
(w / "sub" / "three.py").write_text("y")
(w / "sub" / "deep" / "four.py").write_text("z")
print((w / "one.txt").read_text(), (w / "two.py").read_bytes(), (w / "one.txt").exists(), (w / "nope").exists())
print(w.is_dir(), (w / "one.txt").is_file(), (w / "one.txt").stat().st_size)
print(sorted(x.name for x in w.iterdir()))
def rel(paths):
    return sorted(str(x.relative_to(w)) for x in paths)
print(rel(w.glob("*.py")), rel(w.rglob("*.py")))
print(rel(w.glob("**/*.py")), rel(w.glob("sub/*")))
try:
    w.mkdir()
except FileExistsError as e:
    print("FileExistsError")
w.mkdir(exist_ok=True)
(w / "one.txt").unlink()
(w / "one.txt").unlink(missing_ok=True)
try:
    (w / "one.txt").unlink()
except FileNotFoundError:
    print("FileNotFoundError")
print((w / "sub/../two.py").resolve() == w / "two.py", Path("x").absolute() == Path.cwd() / "x")
r = (w / "two.py").rename(w / "renamed.py")
print(r.relative_to(w), sorted(x.name for x in w.iterdir()))
with open(w / "renamed.py") as f:  # open() takes an os.PathLike
    print(f.read(), f.name == str(w / "renamed.py"))
rmtree(w)
print(w.exists())
