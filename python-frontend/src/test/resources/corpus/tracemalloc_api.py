# tracemalloc: the module's API and text forms (sizes in B/KiB/MiB with CPython's rounding, reprs, errors),
# blocks allocated before start() (freeing them changes nothing; growing them traces the new block) and what
# stop() forgets. Statistics are filtered to this file's lines; names are bound and free lists filled before
# tracing starts (see tracemalloc_lines.py).
import tracemalloc


def show(what):
    # CPython names the main file by its absolute path (3.9+), the lab by the name it was given: the
    # directories in front of this file's name are left out
    text = str(what)
    cut = text.find("tracemalloc_api.py")
    start = cut
    while start > 0 and text[start - 1] not in "'\" ":
        start -= 1
    print(text[:start] + text[cut:] if cut > 0 else text)


old = [1] * 100
grown = []
kept = keep2 = snap = snap2 = stats = s = d = t = f1 = f2 = tb = e = None
here = tracemalloc.Filter(True, "*tracemalloc_api.py")
warm = [[] for i in range(70)] + [(i, i) for i in range(50)] + [{} for i in range(50)]
del warm

for bad in (0, -1, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
print(tracemalloc.get_object_traceback(old))

tracemalloc.start(2)
tracemalloc.start(7)
print("limit", tracemalloc.get_traceback_limit())
old = None
for i in range(5):
    grown.append(i)
kept = bytes(300000)
keep2 = "y" * 2000
snap = tracemalloc.take_snapshot().filter_traces([here])
print(snap.traceback_limit, len(snap.traces))
stats = snap.statistics("lineno")
for s in stats:
    show(s)
    show(repr(s))
    print(s.size, s.count, len(s.traceback), s.traceback[0].lineno)
t = sorted(snap.traces, key=lambda t: t.size)[-1]
show(t)
print(t.size, t.domain, t.traceback.total_nframe)

f1 = stats[0].traceback[0]
f2 = stats[1].traceback[0]
print(f1 == f2, f1 != f2, f1 == stats[0].traceback[0], (f1 < f2) == (f1.lineno < f2.lineno))
print(hash(f1) == hash(stats[0].traceback[0]), stats[0].traceback == snap.statistics("lineno")[0].traceback)
print(stats[0] == snap.statistics("lineno")[0], stats[0] == stats[1])

for bad in ("line", "frame"):
    try:
        snap.statistics(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    snap.statistics("traceback", cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    snap.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)

print(len(snap.filter_traces([tracemalloc.Filter(True, "*tracemalloc_api.py", lineno=stats[0].traceback[0].lineno)]).traces))
print(len(snap.filter_traces([tracemalloc.Filter(False, "*tracemalloc_api.py", lineno=stats[0].traceback[0].lineno)]).traces))
print(len(snap.filter_traces([tracemalloc.Filter(True, "*tracemalloc_api.p?")]).traces) == len(snap.traces))
print(len(snap.filter_traces([tracemalloc.Filter(True, "*[!y]")]).traces))
print(len(snap.filter_traces([tracemalloc.DomainFilter(True, 0)]).traces) == len(snap.traces))
print(len(snap.filter_traces([tracemalloc.DomainFilter(False, 0)]).traces))
print(len(snap.filter_traces([]).traces) == len(snap.traces))

kept = None
snap2 = tracemalloc.take_snapshot().filter_traces([here])
# only the freed bytes object: small blocks of the interpreters' own (a list, a name) differ between them
for d in snap2.compare_to(snap, "lineno"):
    if abs(d.size_diff) >= 1000:
        show(d)
        show(repr(d))

for size in (0, 99, 1023, 10239, 10240, 102399, 102400, 1048576, 10 * 1048576, 123456789):
    print(size, tracemalloc.Statistic(tracemalloc.Traceback((("a.py", 1),)), size, 3))
print(tracemalloc.StatisticDiff(tracemalloc.Traceback((("a.py", 2),)), 4096, -8192, 2, -1))
print(tracemalloc.StatisticDiff(tracemalloc.Traceback((("a.py", 3),)), 0, -100, 0, -1))
tb = tracemalloc.Traceback((("b.py", 9), ("a.py", 4)), 5)
print(tb, repr(tb), len(tb), tb.total_nframe, tb[0], tb[-1], tracemalloc.Frame(("a.py", 4)) in tb)
print(tb.format(), tb.format(limit=1), tb.format(most_recent_first=True), tb.format(limit=-1))

tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback(keep2))
tracemalloc.clear_traces()
tracemalloc.reset_peak()
keep2 = None
print(tracemalloc.get_traced_memory())
