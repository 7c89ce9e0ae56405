# compare-stderr
# return outside a function is a SyntaxError of the compiler, so nothing runs.
print(1)
return 5
