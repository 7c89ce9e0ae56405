# compare-stderr
# Tracebacks through comprehensions: 3.11 runs them in frames of their own, 3.12 inlines them.
def gen():
    yield 1
    raise ValueError("from the generator")


def step(kind):
    if kind == 0:
        return [10 // x for x in [1, 0]]
    if kind == 1:
        return {x: 1 for x in gen()}
    if kind == 2:
        return (x for x in 5)
    return sum(y for y in [1, None])


def run(kind):
    try:
        step(kind)
    except Exception:
        if kind < 3:
            run(kind + 1)
        else:
            raise


run(0)
