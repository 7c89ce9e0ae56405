# str indexing, slicing and len() over ASCII, Latin-1 and astral characters, read from the str's own data.
s = "héllo wörld \U0001f600 end"
print(len(s), s[0], s[1], s[-1], s[14], s[1:5], s[::-1], s[::3], s[-5:], s[5:2], s[100:], s[2:100])
for s2 in ("", "a", "\u20ac\u20ac", "\U0001f600x\U0001f601"):
    print(len(s2), [s2[i] for i in range(len(s2))], s2[::-1], s2[1:], s2[::2])
