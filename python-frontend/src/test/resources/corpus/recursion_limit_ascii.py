# sys.setrecursionlimit is honoured (getrecursionlimit answers it, the depth follows it; the lab caps the depth
# it runs at 100,000), with CPython's errors; ascii() escapes what repr() leaves non-ASCII.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
depth = 0
def measure(n):
    global depth
    depth = n
    measure(n + 1)
try:
    measure(1)
except RecursionError:
    print("reached", depth)
sys.setrecursionlimit(3000)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(2500), sys.getrecursionlimit())
for bad in [0, -1, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(ascii("héllo ☃ 😀"), ascii([1, "é"]), ascii("plain"), ascii(b"\xff"))
