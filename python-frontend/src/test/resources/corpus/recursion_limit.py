# the recursion limit: 1000 frames, as CPython counts them
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
best = 0
for n in range(990, 1002):
    try:
        count(n); best = n
    except RecursionError:
        break
print(best)
