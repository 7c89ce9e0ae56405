# compare-stderr
# Recursion in tracebacks: identical entries after the third are counted, not printed.
def down(n):
    return down(n + 1)


def count(n):
    if n == 0:
        raise ValueError("bottom")
    return count(n - 1) + 1


try:
    down(0)
except RecursionError as e:
    print("recursion:", e)
count(7)
