# compare-stderr
# async for outside an async function is a SyntaxError of the compiler.
print("not printed")


def f(y):
    async for x in y:
        pass
