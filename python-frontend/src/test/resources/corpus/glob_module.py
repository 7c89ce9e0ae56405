# glob: wildcards directory by directory, '**' at any depth when recursive (and only then), hidden names only
# for a pattern or include_hidden that asks, root_dir, escape and has_magic; os.path.relpath and commonprefix.
import glob, os, shutil, sys
base = "/tmp/pymem-lab-glob-%d.%d" % sys.version_info[:2]
shutil.rmtree(base, ignore_errors=True)
for d in ("a", "a/b", "c", ".hid"):
    os.makedirs(os.path.join(base, d))
for f in ("x.py", "y.txt", "a/z.py", "a/b/w.py", "c/v.py", ".dot.py", ".hid/h.py"):
    open(os.path.join(base, f), "w").close()
def show(pattern, **kw):
    print(pattern, kw, sorted(os.path.relpath(p, base) if os.path.isabs(p) else p for p in glob.glob(os.path.join(base, pattern), **kw)))
show("*.py")
show("*")
show("*/*.py")
show("**/*.py")
show("**/*.py", recursive=True)
show("**", recursive=True)
show("*.py", include_hidden=True)
show("a/")
show("nope*")
show("[xy].*")
print(sorted(glob.glob("*.py", root_dir=base)), sorted(glob.glob("**/", root_dir=base, recursive=True)))
print(glob.escape("a[b]*?.py"), glob.has_magic("a*"), glob.has_magic("abc"))
print(sorted(glob.iglob(os.path.join(base, "c", "*")))[0].endswith("c/v.py"))
shutil.rmtree(base)
print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a", "/a"), os.path.relpath("/a/b", "/"), os.path.commonprefix(["/ab/c", "/ab/d"]))
try:
    os.path.relpath("")
except ValueError as e:
    print(e)
