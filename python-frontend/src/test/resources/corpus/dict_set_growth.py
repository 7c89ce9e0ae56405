# growth steps of dict and set
import sys
d = {}
prev = sys.getsizeof(d)
for i in range(100):
    d[i] = i
    s = sys.getsizeof(d)
    if s != prev:
        print("dict", len(d), s)
        prev = s
st = set()
prev = sys.getsizeof(st)
for i in range(100):
    st.add(i)
    s = sys.getsizeof(st)
    if s != prev:
        print("set", len(st), s)
        prev = s
sd = {}
for w in ["a", "b", "c", "d", "e", "f"]:
    sd[w] = 1
print(sys.getsizeof(sd))
