# The exit status comes from SystemExit's code field, which the program may assign after construction.
e = SystemExit(5)
print(e.code, e.args)
e.code = 7
print(e.code, e.args)
raise e
