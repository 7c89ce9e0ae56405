# compare-stderr
# Tracebacks through generators: a yield generator's frame and a generator expression's <genexpr> frame.
def numbers():
    yield 1
    yield 1 // 0


class Managed:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise KeyError("from __exit__")


def run():
    try:
        print(sum(x for x in numbers()))
    except ZeroDivisionError:
        try:
            with Managed():
                [].pop()
        except KeyError:
            values = [3, 0]
            print(list(10 % v for v in values))


run()
