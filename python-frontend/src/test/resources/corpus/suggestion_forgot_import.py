# compare-stderr
# A NameError for a standard module's name: 3.12+ ask "Did you forget to import 'math'?".
def area(r):
    return math.pi * r * r
area(2)
