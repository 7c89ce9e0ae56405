# Slicing a range gives a range (compute_slice), for any step and out-of-range bounds.
r = range(10)
for s in (r[2:5], r[::2], r[::-1], r[-3:], r[5:2], r[1:8:3], range(0, 20, 3)[1::2], range(10, 0, -2)[1:3], range(10, 0, -2)[::-1], r[:100], r[-100:2]):
    print(s, list(s), len(s))
