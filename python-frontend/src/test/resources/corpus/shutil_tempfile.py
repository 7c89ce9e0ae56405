# shutil and tempfile: a temporary directory with CPython's names, copying files and trees, the same-file
# error, moving, removing a tree (with onerror and ignore_errors), TemporaryDirectory and NamedTemporaryFile.
import os, shutil, tempfile, sys
d = tempfile.mkdtemp(prefix="pymem-", suffix=".d")
print(os.path.isdir(d), os.path.basename(d).startswith("pymem-"), d.endswith(".d"), len(os.path.basename(d)), os.path.isabs(d))
print(tempfile.gettempdir(), tempfile.gettempprefix())
with open(os.path.join(d, "a.txt"), "w") as f:
    f.write("alpha\n")
os.makedirs(os.path.join(d, "sub", "deep"))
shutil.copyfile(os.path.join(d, "a.txt"), os.path.join(d, "sub", "b.txt"))
print(shutil.copy(os.path.join(d, "a.txt"), os.path.join(d, "sub", "deep")) == os.path.join(d, "sub", "deep", "a.txt"))
shutil.copytree(os.path.join(d, "sub"), os.path.join(d, "copy"))
print(sorted(os.listdir(d)), sorted(os.listdir(os.path.join(d, "copy"))), open(os.path.join(d, "copy", "deep", "a.txt")).read())
try:
    shutil.copyfile(os.path.join(d, "a.txt"), os.path.join(d, "a.txt"))
except shutil.SameFileError as e:
    print("SameFileError", isinstance(e, OSError))
print(shutil.move(os.path.join(d, "a.txt"), os.path.join(d, "moved.txt")) == os.path.join(d, "moved.txt"))
shutil.rmtree(d)
print(os.path.exists(d))
errors = []
shutil.rmtree(d, onerror=lambda f, p, e: errors.append(f.__name__))
print(errors)
shutil.rmtree(d, ignore_errors=True)
with tempfile.TemporaryDirectory() as t:
    print(os.path.isdir(t), os.path.basename(t).startswith("tmp"))
    open(os.path.join(t, "x"), "w").close()
print(os.path.exists(t))
with tempfile.NamedTemporaryFile(suffix=".bin") as f:
    f.write(b"data")
    f.flush()
    name = f.name
    print(os.path.exists(name), name.endswith(".bin"))
print(os.path.exists(name))
