# memoryview over bytes and bytearray: views and slices share one managed buffer (no copy), a bytearray cannot
# be resized while a view of it is unreleased, writes through a view land in the bytearray, and CPython's errors
import sys, gc
m = memoryview(b'abc')
it = iter(m)
print(sys.getsizeof(it), type(it).__name__, gc.is_tracked(m), list(it), m.suboffsets, m.f_contiguous)
print(m.__enter__() is m, m.__exit__(None, None, None))
mv = memoryview(bytearray(b'abcdef'))
s = mv[::2]; print(bytes(s), s.strides, s.contiguous, s.shape, len(s), s.nbytes, s.tolist())
for bad in ["mv.__setitem__(0, 300)", "mv.__setitem__(slice(0, 2), b'xyz')", "mv['a']", "mv[10]", "memoryview(5)",
            "memoryview(b'x').__setitem__(0, 1)", "hash(mv)"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(mv == memoryview(bytearray(b'abcdef')), mv != b'abcdeX', mv == 'abcdef', mv.toreadonly().readonly, repr(mv.toreadonly())[:8])
r = memoryview(b'xy'); r.release()
for bad in ["len(r)", "r.obj", "r[0]", "bytes(r)", "r.tobytes()"]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(r == r, r == memoryview(b'xy'), repr(r)[:17])
b = bytearray(b'12345'); m1 = memoryview(b); m2 = m1[1:]; m1.release()
try: b.append(1)
except BufferError as e: print('still exported', e)
m2.release(); b.append(1); print(b)
b = bytearray(b'12'); m3 = memoryview(b); del m3; b.append(1); print(b)
b = bytearray(b'12'); m4 = memoryview(memoryview(b)); print(sys.getrefcount(b), m4.obj is b)
print(bytes(memoryview(b'ab')), bytearray(memoryview(b'ab')), b'x' + memoryview(b'y'), b'-'.join([memoryview(b'q')]), memoryview(b'abc').hex())
print(hash(memoryview(b'ab')) == hash(b'ab'), memoryview(b'abc')[1], memoryview(b'abcd')[::-1].tobytes(), list(memoryview(b'ab')))
b = bytearray(b'abcdef')
views = [memoryview(b) for _ in range(3)] + [memoryview(b)[1:3]]
print(sys.getrefcount(b), [type(x).__name__ for x in gc.get_referents(views[0])], gc.get_referents(views[0])[0] is gc.get_referents(views[3])[0])
print(sys.getsizeof(views[0]), sys.getsizeof(views[3]), sys.getsizeof(b))
try:
    b.extend(b'gh')
except BufferError as e:
    print("BufferError", e)
for v in views:
    v.release()
b.extend(b'gh')
print(b, sys.getrefcount(b), sys.getsizeof(b))
for bad in ["memoryview(b'a') < memoryview(b'b')", "memoryview(b'a') + b'b'", "del memoryview(bytearray(1))[0]"]:
    try:
        exec(bad)
    except TypeError as e:
        print("TypeError", e)
print(98 in memoryview(b'abc'), b'b' in memoryview(b'abc'), bool(memoryview(b'')), {memoryview(b'k'): 1}[b'k'])
gc.disable()  # views in garbage cycles give the bytearray back when collected
b = bytearray(b'abc')
class Holder:
    pass
h = Holder(); h.mv = memoryview(b); h.me = h
del h
print(gc.collect() > 0)
b.append(1); print(b)
l = [memoryview(b), memoryview(b)[1:]]; l.append(l)
del l
print(gc.collect())
b.append(2); print(b)
