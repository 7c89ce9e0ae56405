# compare-stderr
# Traceback text as CPython prints it per version: carets under the failing expression (3.11/3.12:
# Python/traceback.c; 3.13: Lib/traceback.py), left out when they would underline the whole line.
# Each step fails while the previous step's exception is handled, so one run prints every traceback, chained.


class Box:
    def __init__(self, items):
        self.items = items

    def first(self):
        return self.items[0]


def add(a, b):
    return a + b


def call_add():
    return add(1, "two")


def nested(d):
    value = d["outer"]["inner"]
    return value


def long_call(x):
    return add(x,
               None)


def step_binop():
    total = 3 * (4 - 4) + 10 // (2 - 2)


def step_name():
    undefined_name + 1


def step_method():
    Box(1).missing()


def step_unary():
    result = -"text"


def step_compare():
    [1, 2] < "ab"  # a comment after the expression


def step_assert():
    assert len([]) == 1, "empty"


def step_slice():
    numbers = [1, 2, 3]
    numbers[1:2] = 5


def step_multiline():
    items = {"a": 1}
    print(items["a"], items[
        "b"])


def run(steps):
    try:
        steps[0]()
    except Exception:
        if len(steps) > 1:
            run(steps[1:])
        else:
            raise


run([call_add, lambda: nested({"outer": {}}), lambda: Box([]).first(), step_binop, step_name, step_method,
     step_unary, step_compare, lambda: long_call(5), step_assert, step_slice, step_multiline])
