# compare-stderr
# A runtime error inside exec()ed code, caught, then a SyntaxError of exec() left uncaught.
try:
    exec("a = 1\nb = a / 0")
except ZeroDivisionError as e:
    print("caught", e)

def run(src):
    exec(src)

run("x = [1,\n     2,\n     3 4]")
