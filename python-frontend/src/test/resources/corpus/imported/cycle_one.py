import cycle_two
V1 = 1

def g():
    return cycle_two.V2
