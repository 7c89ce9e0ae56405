# compare-stderr
# The traceback of an uncaught exception group as each version prints it: nested boxes, the members' own
# tracebacks, chains and notes, the rest of a try/except* raised again, and groups wider than 15.


def fail(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    raise TypeError(f"even {n}")


def collect(numbers):
    errors = []
    for n in numbers:
        try:
            fail(n)
        except Exception as e:
            errors.append(e)
    return errors


def chained():
    try:
        fail(1)
    except ValueError as e:
        e.add_note("note on the cause")
        raise KeyError("chained") from e


try:
    chained()
except KeyError as k:
    chained_error = k

wide = ExceptionGroup("wide", collect(range(0, 40, 2)) + collect([1]))
wide.add_note("twenty-one members")
inner = ExceptionGroup("inner", [chained_error, wide])


def run():
    try:
        raise ExceptionGroup("top", [OSError("disk"), inner, ValueError("handled")])
    except* ValueError:
        pass


run()
