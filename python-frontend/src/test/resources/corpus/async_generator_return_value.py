# compare-stderr
# A return with a value in an async generator is a SyntaxError of the compiler.
print("not printed")


async def f():
    yield 1
    return 2
