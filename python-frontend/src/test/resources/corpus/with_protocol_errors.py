# compare-stderr
# A with statement's manager must have __enter__ and __exit__: CPython's TypeError names what is missing.
class E:
    def __enter__(self): return 1
for obj in (5, E()):
    try:
        with obj:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
with 5:
    pass
