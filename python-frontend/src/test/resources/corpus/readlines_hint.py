# readlines(hint) of a StringIO and of text and binary files: lines are read until their total size exceeds hint
import io, os
print(io.StringIO('a\nbb\nccc\n').readlines(2), io.StringIO('a\nbb\nccc\n').readlines(1),
      io.StringIO('a\nbb\nccc\n').readlines(3), io.StringIO('a\nbb\nccc\n').readlines(0), io.StringIO('a\nb').readlines())
path = os.path.join(os.getcwd(), "_readlines_hint.tmp")
with open(path, "w") as f:
    f.write("a\nbb\nccc\n")
with open(path) as f:
    print(f.readlines(2), f.readlines())
with open(path, "rb") as f:
    print(f.readlines(1), f.readlines(-1))
os.remove(path)
