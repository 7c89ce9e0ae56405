import cycle_one
print("cycle_two sees cycle_one half run:", hasattr(cycle_one, "V1"), hasattr(cycle_one, "g"))
V2 = 2
