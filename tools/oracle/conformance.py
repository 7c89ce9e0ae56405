#!/usr/bin/env python3
"""PyMem Lab conformance oracle.

Runs under CPython 3.11, 3.12 and 3.13 (stdlib only).  The driver
(tools/oracle/generate.sh) sets PYTHONHASHSEED=0.  Prints ONE JSON document
on stdout: json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=True).
Everything in it was measured on the running interpreter; nothing is typed
by hand.  Values are built at run time (int(str), ''.join(map(chr, ...)),
bytes(list), appends, ...) so that constant folding and compile-time
interning cannot distort them.  The output must be byte-identical from run
to run: anything that varies (absolute ids, absolute refcounts of mortal
objects, noisy allocations) is left out.

SCHEMA (schema_version 1)
=========================

BUILD descriptors ("build" fields) -- how to make the same object through
the Java API.  Recursive; "items"/"keys" hold builds.
  {"op":"none"}                                None
  {"op":"bool","value":true}                   True / False
  {"op":"int","value":"-1267650600228229401496703205376"}
                                               int(value)  -> newInt(new BigInteger(value))
  {"op":"float","value":"1.5"}                 float; value parses with Java
                                               Double.parseDouble ("Infinity",
                                               "-Infinity", "NaN", "-0.0", "1e+100")
  {"op":"str","codepoints":[104,105]}          ''.join(map(chr, codepoints)) -> newStr
  {"op":"bytes","values":[97,98]}              bytes(values) -> newBytes
  {"op":"object"}                              object()
  {"op":"tuple","items":[build...]}            tuple(list_of_items) -> newTuple(items)
  {"op":"list","method":M,"items":[build...]}  a list of those items, built by method M:
        "append"        l = []; l.append(item) for each item   (growth formula)
        "comprehension" [i for i in ...]   (LIST_APPEND: same growth as append)
        "list_call"     list(range(n)) / list(iterable): preallocated from the length
        "repeat"        [item] * n  (exactly n slots)
        "literal_names" [a0, a1, ...] with non-constant operands: BUILD_LIST n (exactly n slots)
        "literal_consts" [0, 1, ...] with constant operands, as compiled by this
                        interpreter (n >= 3: BUILD_LIST 0 + LIST_EXTEND of a const tuple)
  {"op":"dict","keys":[build...]}              d = {}; d[key] = None for each key in order
  {"op":"set","items":[build...]}              s = set(); s.add(item) for each item in order
  {"op":"frozenset","items":[build...]}        frozenset(list_of_items) (= adds in order)
  {"op":"instance","slots":null|["a",...],"attrs":["a0",...],"set_in":"init"|"after"}
        a fresh class C (one per case, never reused): with "slots" null it is
        `class C: pass` (+ an __init__ that does self.<attr> = None for each attr
        in order when set_in == "init"); with slots it is `class C: __slots__ = (...)`.
        set_in "after": o = C(); then setattr(o, attr, None) for each attr in order.
        newClass(name, slots or none) + newInstance + setAttr.
        Optional "ordinal": n (allocations only): the object is the n-th instance
        of its class (n-1 earlier instances were made first).  Without it, 1.
  {"op":"singleton","name":"Ellipsis"|"NotImplemented"}
  {"op":"builtin_type","name":"int"}           the builtin type object
  {"op":"heap_class"}                          a fresh `class C: pass` (the class object)
  {"op":"interned_str","codepoints":[...]}     sys.intern(''.join(map(chr, codepoints)))

TOP LEVEL
  "schema_version": 1
  "meta": {
     "version": sys.version, "version_info": [3,12,1,"final",0],
     "profile": "cpython-3.12", "pointer_size": 8, "maxsize": 9223372036854775807,
     "hash_info": {"width","modulus","algorithm","hash_bits","seed_bits","cutoff","inf","nan","imag"},
     "int_info": {"bits_per_digit","sizeof_digit"},
     "small_int_range": [-5, 256]    inclusive range where int(s) is int(s) (identity test),
     "immortal_refcount": 4294967295 or null   (getrefcount(None) unchanged after
                                                 1000 new references => immortal, value recorded),
     "gc_threshold": [700,10,10], "hash_seed": "0"}
  "types": {"int": {"basicsize":24,"itemsize":4,"gc_type":false}, ...}
           (builtin type name -> __basicsize__, __itemsize__, Py_TPFLAGS_HAVE_GC;
            heap classes are left out: see each case's basicsize/itemsize)
  "getsizeof": [ {"id":"int/2**30", "type":"int", "python":"int('1073741824')",
                  "build":{...}, "size":32, "sizeof":32, "basicsize":24, "itemsize":4,
                  "gc_tracked":false}, ... ]
        size = sys.getsizeof(x); sizeof = x.__sizeof__(); basicsize/itemsize of type(x);
        gc_tracked = gc.is_tracked(x) right after building.
        Extra keys, only on some cases:
          lists:      "allocated"  (capacity: (sizeof - basicsize) // 8)
          instances:  "dict_size" = getsizeof(o.__dict__) (materialises the dict; measured
                      after "size"), "size_after_dict" = getsizeof(o) afterwards.
                      Slotted classes without __dict__ have neither.
  "growth": [ {"name":"list_append", "python":"...", "item_build":{...}|null,
               "lengths":[0,1,2,...], "sizes":[56,88,88,...],
               "resizes":[{"length":1,"from":56,"to":88}, ...]} ]
        sizes[i] = getsizeof(container) when it has lengths[i] items;
        resizes = every i>0 where sizes[i] != sizes[i-1]: length=lengths[i],
        from=sizes[i-1], to=sizes[i].  Series: list_append (0..200), list_pop
        (append to 200, then pop() down to 0), dict_int_keys (keys 0..100 inserted
        one by one, value None), dict_str_keys (keys "k0".."k100"), set_add (ints 0..200).
        "item_build" says what item i is: {"op":"int_index"} -> int i,
        {"op":"str_prefix","prefix":"k"} -> "k"+str(i).
  "identity": {
     "small_ints": {"from":-10,"to":260,"identical":[bool...]}
            identical[i] <=> int(str(v)) is int(str(v)) for v = from + i,
     "chr": {"from":0,"to":300,"identical":[bool...]}   chr(c) is chr(c),
     "chr_slice": {"from":0,"to":300,"identical":[bool...]}
            ('x'+chr(c))[1:] is chr(c)   (1-char substring returns the singleton?),
     "bytes_1": {"from":0,"to":255,"identical":[bool...]}  bytes([b]) is bytes([b]),
     "checks": [{"name":"empty_str", "python":"''.join([]) is str()", "identical":true}, ...],
     "id_deltas": [{"name":"id(5)-id(4)", "a":{build}, "b":{build}, "delta":32}, ...]}
  "refcounts": [ {"name":"list_basics", "tracked":"x",
                  "steps":[{"op":"new_list","target":"x","python":"x = []","refcount":2}, ...]} ]
        Each step is executed (as module-level code in a fresh namespace dict, so
        every name is one reference, like a Java variable holding one) and then
        refcount = sys.getrefcount(<tracked>) -- this INCLUDES getrefcount's own
        argument reference, i.e. ob_refcnt + 1.
        Step vocabulary (fields besides "op", "python", "refcount"):
          new_list      target              target = []
          new_dict      target              target = {}
          new_set       target              target = set()
          new_instance  target              target = C()      (C: `class C: pass`, one per scenario)
          alias         target, source      target = source
          assign_none   target              target = None
          del_name      target              del target
          list_of       target, items[]     target = [i0, i1, ...]   (names)
          tuple_of      target, items[]     target = (i0, i1, ...)
          list_append   target, source      target.append(source)
          list_pop      target              target.pop()   (result discarded)
          list_clear    target              target.clear()
          list_repeat   target, source, count   target = source * count
          dict_set      target, key, source target[key] = source   (key: str; source null = None)
          dict_del      target, key         del target[key]
          dict_key      target, source      target[source] = None  (source used as key)
          set_add       target, source      target.add(source)
          set_discard   target, source      target.discard(source)
          attr_set      target, attr, source    setattr(target, attr, source)
          attr_del      target, attr        delattr(target, attr)
  "immortals": [ {"name":"None", "build":{...}, "python":"None", "delta":0,
                  "immortal":true, "refcount":4294967295}, ... ]
        delta = getrefcount(obj) after making 10 more references ([obj]*10) minus
        before; immortal = (delta == 0); refcount = getrefcount(obj) only when
        immortal (absolute values of mortal objects vary, so they are left out).
  "hashes": [ {"id":"str/hello", "type":"str", "python":"...", "build":{...}, "hash":N} ]
        ("none" only on 3.12+: 3.11 hashes None by address, which varies.)
  "iteration_order": [ {"name":"set_words20", "container":"set"|"dict"|"frozenset",
                        "item_type":"str"|"int", "inserted":[...], "order":[...]} ]
        container built empty and filled by add / d[k]=None in "inserted" order
        (frozenset: frozenset(list(inserted))); order = list(container).
        Ints are JSON numbers (all within long range).
  "allocations": {"method": "...", "note": "...",
        "cases":[{"name":"list_5_appended","python":"...","build":{...},
                  "stable":true,"blocks":[64, 56]}]}
        blocks = requested sizes (bytes, tracemalloc; not rounded to size classes)
        of the blocks allocated while building the object and still alive, sorted
        descending; only cases identical over 5 repetitions keep "blocks".
"""

import gc
import json
import sys
import tracemalloc

HAVE_GC = 1 << 14
DOC = {}


# ---------------------------------------------------------------- builders

def b_int(v):
    return {"op": "int", "value": str(v)}


def b_str(s):
    return {"op": "str", "codepoints": [ord(c) for c in s]}


def b_float(x):
    if x != x:
        v = "NaN"
    elif x == float("inf"):
        v = "Infinity"
    elif x == -float("inf"):
        v = "-Infinity"
    else:
        v = repr(x)
    return {"op": "float", "value": v}


def mk_int(v):
    """A runtime-built int equal to v."""
    return int(str(v))


def mk_str(cps):
    return "".join(map(chr, cps))


def build(b):
    """Build a Python object from a build descriptor (used for every case, so
    the descriptor is by construction exactly what was measured)."""
    op = b["op"]
    if op == "none":
        return None
    if op == "bool":
        return b["value"] is True
    if op == "int":
        return int(b["value"])
    if op == "float":
        return float(b["value"].replace("Infinity", "inf"))
    if op == "str":
        return mk_str(b["codepoints"])
    if op == "interned_str":
        return sys.intern(mk_str(b["codepoints"]))
    if op == "bytes":
        return bytes(list(b["values"]))
    if op == "object":
        return object()
    if op == "tuple":
        return tuple([build(i) for i in b["items"]])
    if op == "list":
        return build_list(b["method"], b["items"])
    if op == "dict":
        d = {}
        for k in b["keys"]:
            d[build(k)] = None
        return d
    if op == "set":
        s = set()
        for i in b["items"]:
            s.add(build(i))
        return s
    if op == "frozenset":
        return frozenset([build(i) for i in b["items"]])
    if op == "instance":
        return build_instance(b)
    if op == "singleton":
        return {"Ellipsis": Ellipsis, "NotImplemented": NotImplemented}[b["name"]]
    if op == "builtin_type":
        import builtins
        return getattr(builtins, b["name"])
    if op == "heap_class":
        ns = {"__name__": "oracle"}
        exec("class C:\n    pass\n", ns)
        return ns["C"]
    raise ValueError(op)


def build_list(method, items):
    objs = [build(i) for i in items]
    n = len(objs)
    if method == "append":
        l = []
        for o in objs:
            l.append(o)
        return l
    if method == "comprehension":
        return [o for o in objs]
    if method == "list_call":
        # list(range(n)) when the items are 0..n-1 ints, else list(iter) with len hint
        if all(type(o) is int for o in objs) and objs == list(range(n)):
            return list(range(n))
        return list(tuple(objs))
    if method == "repeat":
        assert all(o is objs[0] for o in objs)
        return [objs[0] if n else None] * n
    if method in ("literal_names", "literal_consts"):
        if method == "literal_names":
            names = ["a%d" % i for i in range(n)]
            ns = dict(zip(names, objs))
            src = "[" + ", ".join(names) + "]"
        else:
            ns = {}
            src = "[" + ", ".join(repr(o) for o in objs) + "]"
        return eval(compile(src, "<literal>", "eval"), ns)
    raise ValueError(method)


def instance_class_src(b):
    if b["slots"] is not None:
        return "class C:\n    __slots__ = (%s)\n" % "".join(
            repr(s) + ", " for s in b["slots"])
    src = "class C:\n"
    if b["set_in"] == "init" and b["attrs"]:
        src += "    def __init__(self):\n"
        for a in b["attrs"]:
            src += "        self.%s = None\n" % a
    else:
        src += "    pass\n"
    return src


def build_instance(b):
    ns = {"__name__": "oracle"}
    exec(instance_class_src(b), ns)
    o = ns["C"]()
    if b["slots"] is not None or b["set_in"] == "after":
        for a in b["attrs"]:
            setattr(o, a, None)
    return o


def python_of(b):
    """Human-readable Python for a build (documentation only)."""
    op = b["op"]
    if op == "none":
        return "None"
    if op == "bool":
        return repr(b["value"] is True)
    if op == "int":
        return "int(%r)" % b["value"]
    if op == "float":
        return "float(%r)" % b["value"]
    if op in ("str", "interned_str"):
        s = "''.join(map(chr, %r))" % (b["codepoints"],)
        return "sys.intern(%s)" % s if op == "interned_str" else s
    if op == "bytes":
        return "bytes(%r)" % (b["values"],)
    if op == "object":
        return "object()"
    if op == "tuple":
        return "tuple([%s])" % ", ".join(python_of(i) for i in b["items"])
    if op == "list":
        return "list[%s](%s)" % (b["method"], ", ".join(python_of(i) for i in b["items"]))
    if op == "dict":
        return "d = {}; " + "".join("d[%s] = None; " % python_of(k) for k in b["keys"])
    if op == "set":
        return "s = set(); " + "".join("s.add(%s); " % python_of(k) for k in b["items"])
    if op == "frozenset":
        return "frozenset([%s])" % ", ".join(python_of(i) for i in b["items"])
    if op == "instance":
        s = instance_class_src(b) + "o = C()"
        if b["slots"] is not None or b["set_in"] == "after":
            s += "".join("\no.%s = None" % a for a in b["attrs"])
        return s
    if op == "singleton":
        return b["name"]
    if op == "builtin_type":
        return b["name"]
    if op == "heap_class":
        return "class C: pass"
    raise ValueError(op)


# ---------------------------------------------------------------- meta

def small_int_range():
    lo = 0
    while mk_int(lo - 1) is mk_int(lo - 1):
        lo -= 1
        if lo < -100000:
            break
    hi = 0
    while mk_int(hi + 1) is mk_int(hi + 1):
        hi += 1
        if hi > 100000:
            break
    return [lo, hi]


def immortal_refcount():
    before = sys.getrefcount(None)
    refs = [None] * 1000
    after = sys.getrefcount(None)
    del refs
    return before if before == after else None


def meta():
    hi = sys.hash_info
    return {
        "version": sys.version,
        "version_info": list(sys.version_info),
        "profile": "cpython-%d.%d" % sys.version_info[:2],
        "pointer_size": 8 if sys.maxsize > 2 ** 32 else 4,
        "maxsize": sys.maxsize,
        "hash_info": {k: getattr(hi, k) for k in
                      ("width", "modulus", "algorithm", "hash_bits", "seed_bits",
                       "cutoff", "inf", "nan", "imag")},
        "int_info": {"bits_per_digit": sys.int_info.bits_per_digit,
                     "sizeof_digit": sys.int_info.sizeof_digit},
        "small_int_range": small_int_range(),
        "immortal_refcount": immortal_refcount(),
        "gc_threshold": list(gc.get_threshold()),
        "hash_seed": __import__("os").environ.get("PYTHONHASHSEED"),
    }


# ---------------------------------------------------------------- getsizeof

TYPES = {}


def note_type(t):
    if t.__flags__ & (1 << 9):  # Py_TPFLAGS_HEAPTYPE
        return  # heap classes: see basicsize/itemsize on each case
    TYPES[t.__name__] = {"basicsize": t.__basicsize__, "itemsize": t.__itemsize__,
                         "gc_type": bool(t.__flags__ & HAVE_GC)}


INT_VALUES = [("0", 0), ("1", 1), ("-1", -1), ("255", 255), ("256", 256),
              ("2**30-1", 2 ** 30 - 1), ("2**30", 2 ** 30), ("2**60-1", 2 ** 60 - 1),
              ("2**60", 2 ** 60), ("2**90", 2 ** 90), ("2**511", 2 ** 511),
              ("-(2**100)", -(2 ** 100)), ("10**100", 10 ** 100)]

STR_CASES = [("empty", ""), ("a", "a"), ("hello", "hello"), ("a*100", "a" * 100),
             ("e-acute", "\u00e9"), ("e-acute*2", "\u00e9\u00e9"),
             ("y-diaeresis*10", "\u00ff" * 10), ("euro", "\u20ac"),
             ("euro*2", "\u20ac\u20ac"), ("a+euro", "a\u20ac"),
             ("grinning", "\U0001F600"), ("grinning*2", "\U0001F600\U0001F600"),
             ("a+grinning", "a\U0001F600"), ("e-acute+grinning", "\u00e9\U0001F600")]

BYTES_CASES = [("empty", []), ("a", [97]), ("abc", [97, 98, 99]), ("zeros100", [0] * 100)]


def size_case(cid, b, measure_dict=False):
    x = build(b)
    t = type(x)
    note_type(t)
    c = {"id": cid, "type": t.__name__, "python": python_of(b), "build": b,
         "size": sys.getsizeof(x), "sizeof": x.__sizeof__(),
         "basicsize": t.__basicsize__, "itemsize": t.__itemsize__,
         "gc_tracked": gc.is_tracked(x)}
    if t is list:
        c["allocated"] = (x.__sizeof__() - t.__basicsize__) // 8
    if b["op"] == "instance" and b["slots"] is None:
        c["dict_size"] = sys.getsizeof(x.__dict__)
        c["size_after_dict"] = sys.getsizeof(x)
    return c


def getsizeof_cases():
    cases = []
    for name, v in INT_VALUES:
        cases.append(size_case("int/" + name, b_int(v)))
    for v in (True, False):
        cases.append(size_case("bool/%s" % v, {"op": "bool", "value": v}))
    for v in (0.0, 1.5):
        cases.append(size_case("float/%r" % v, b_float(v)))
    cases.append(size_case("none", {"op": "none"}))
    cases.append(size_case("object", {"op": "object"}))
    for name, s in STR_CASES:
        cases.append(size_case("str/" + name, b_str(s)))
    for name, vals in BYTES_CASES:
        cases.append(size_case("bytes/" + name, {"op": "bytes", "values": vals}))
    for n in (0, 1, 2, 3, 10):
        cases.append(size_case("tuple/%d" % n,
                               {"op": "tuple", "items": [b_int(i) for i in range(n)]}))
    for method in ("append", "comprehension", "list_call", "repeat",
                   "literal_names", "literal_consts"):
        for n in range(0, 11):
            items = ([{"op": "none"}] * n if method == "repeat"
                     else [b_int(i) for i in range(n)])
            cases.append(size_case("list/%s/%d" % (method, n),
                                   {"op": "list", "method": method, "items": items}))
    for kt in ("int", "str"):
        for k in range(0, 13):
            keys = [b_int(i) if kt == "int" else b_str("k%d" % i) for i in range(k)]
            cases.append(size_case("dict/%s/%d" % (kt, k), {"op": "dict", "keys": keys}))
    for k in range(0, 11):
        cases.append(size_case("set/%d" % k,
                               {"op": "set", "items": [b_int(i) for i in range(k)]}))
    for k in range(0, 11):
        cases.append(size_case("frozenset/%d" % k,
                               {"op": "frozenset", "items": [b_int(i) for i in range(k)]}))
    for set_in in ("init", "after"):
        for n in (0, 1, 3, 10):
            b = {"op": "instance", "slots": None,
                 "attrs": ["a%d" % i for i in range(n)], "set_in": set_in}
            cases.append(size_case("instance/%s/%d" % (set_in, n), b))
    for n in (0, 1, 3):
        names = ["a", "b", "c"][:n]
        b = {"op": "instance", "slots": names, "attrs": list(names), "set_in": "after"}
        cases.append(size_case("instance/slots/%d" % n, b))
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    return cases


# ---------------------------------------------------------------- growth

def series(name, python, item_build, lengths, sizes):
    resizes = [{"length": lengths[i], "from": sizes[i - 1], "to": sizes[i]}
               for i in range(1, len(sizes)) if sizes[i] != sizes[i - 1]]
    return {"name": name, "python": python, "item_build": item_build,
            "lengths": lengths, "sizes": sizes, "resizes": resizes}


def growth():
    out = []
    gs = sys.getsizeof
    # list append 0..200
    l = []
    lengths, sizes = [0], [gs(l)]
    for i in range(200):
        l.append(mk_int(i))
        lengths.append(len(l))
        sizes.append(gs(l))
    out.append(series("list_append", "l = []; l.append(i) for i in range(200)",
                      {"op": "int_index"}, lengths, sizes))
    # ... then pop down
    lengths, sizes = [len(l)], [gs(l)]
    while l:
        l.pop()
        lengths.append(len(l))
        sizes.append(gs(l))
    out.append(series("list_pop", "l built by 200 appends; l.pop() until empty",
                      {"op": "int_index"}, lengths, sizes))
    # dict int keys
    for kt in ("int", "str"):
        d = {}
        lengths, sizes = [0], [gs(d)]
        for i in range(101):
            d[mk_int(i) if kt == "int" else "".join(["k", str(i)])] = None
            lengths.append(len(d))
            sizes.append(gs(d))
        ib = {"op": "int_index"} if kt == "int" else {"op": "str_prefix", "prefix": "k"}
        key = "i" if kt == "int" else "'k' + str(i)"
        out.append(series("dict_%s_keys" % kt,
                          "d = {}; d[%s] = None for i in range(101)" % key,
                          ib, lengths, sizes))
    s = set()
    lengths, sizes = [0], [gs(s)]
    for i in range(201):
        s.add(mk_int(i))
        lengths.append(len(s))
        sizes.append(gs(s))
    out.append(series("set_add", "s = set(); s.add(i) for i in range(201)",
                      {"op": "int_index"}, lengths, sizes))
    return out


# ---------------------------------------------------------------- identity

def identity():
    res = {}
    res["small_ints"] = {"from": -10, "to": 260, "identical":
                         [mk_int(v) is mk_int(v) for v in range(-10, 261)]}
    res["chr"] = {"from": 0, "to": 300, "identical":
                  [chr(c) is chr(c) for c in range(0, 301)]}
    res["chr_slice"] = {"from": 0, "to": 300, "identical":
                        [("x" + chr(c))[1:] is chr(c) for c in range(0, 301)]}
    res["bytes_1"] = {"from": 0, "to": 255, "identical":
                      [bytes([v]) is bytes([v]) for v in range(256)]}
    ab1 = chr(97) + chr(98)
    ab2 = "".join([chr(97), chr(98)])
    long1 = "".join(map(chr, [104, 101, 108, 108, 111, 95, 119]))
    long2 = "".join(map(chr, [104, 101, 108, 108, 111, 95, 119]))
    checks = [
        ("empty_str_join_vs_str", "''.join([]) is str()", "".join([]) is str()),
        ("empty_str_slice_vs_join", "'ab'[2:] is ''.join([])", "ab"[mk_int(2):] is "".join([])),
        ("empty_str_chr_mul", "chr(97)*0 is ''.join([])", chr(97) * mk_int(0) is "".join([])),
        ("empty_tuple_call_vs_list", "tuple() is tuple([])", tuple() is tuple([])),
        ("empty_tuple_list_vs_iter", "tuple([]) is tuple(iter([]))", tuple([]) is tuple(iter([]))),
        ("empty_bytes_call_vs_list", "bytes() is bytes([])", bytes() is bytes([])),
        ("empty_bytes_slice", "bytes([97])[1:] is bytes()", bytes([97])[1:] is bytes()),
        ("empty_frozenset", "frozenset() is frozenset([])", frozenset() is frozenset([])),
        ("str_2char_runtime", "chr(97)+chr(98) is ''.join([chr(97), chr(98)])", ab1 is ab2),
        ("str_2char_interned", "sys.intern(chr(97)+chr(98)) is sys.intern(''.join(...))",
         sys.intern(ab1) is sys.intern(ab2)),
        ("str_identifier_runtime", "''.join('hello_w') twice", long1 is long2),
        ("str_identifier_interned", "sys.intern of 'hello_w' built twice",
         sys.intern(long1) is sys.intern(long2)),
        ("int_257", "int('257') is int('257')", mk_int(257) is mk_int(257)),
        ("int_arith_small", "(int('1000')-995) is int('5')", (mk_int(1000) - 995) is mk_int(5)),
        ("float_same_value", "float('1.5') is float('1.5')", float("1.5") is float("1.5")),
        ("bool_from_int", "bool(int('1')) is True", bool(mk_int(1)) is True),
    ]
    res["checks"] = [{"name": n, "python": p, "identical": bool(v)} for n, p, v in checks]
    deltas = []
    for name, a, b in (("id(5)-id(4)", b_int(5), b_int(4)),
                       ("id(256)-id(255)", b_int(256), b_int(255)),
                       ("id(-5)-id(-4)", b_int(-5), b_int(-4)),
                       ("id(0)-id(-5)", b_int(0), b_int(-5)),
                       ("id(True)-id(False)", {"op": "bool", "value": True},
                        {"op": "bool", "value": False}),
                       ("id(chr(98))-id(chr(97))", b_str("b"), b_str("a")),
                       ("id(bytes([98]))-id(bytes([97]))",
                        {"op": "bytes", "values": [98]}, {"op": "bytes", "values": [97]})):
        deltas.append({"name": name, "a": a, "b": b, "delta": id(build(a)) - id(build(b))})
    res["id_deltas"] = deltas
    return res


# ---------------------------------------------------------------- refcounts

def step_src(s):
    op = s["op"]
    t = s.get("target")
    src = s.get("source")
    val = "None" if src is None else src
    if op == "new_list":
        return "%s = []" % t
    if op == "new_dict":
        return "%s = {}" % t
    if op == "new_set":
        return "%s = set()" % t
    if op == "new_instance":
        return "%s = C()" % t
    if op == "alias":
        return "%s = %s" % (t, src)
    if op == "assign_none":
        return "%s = None" % t
    if op == "del_name":
        return "del %s" % t
    if op == "list_of":
        return "%s = [%s]" % (t, ", ".join(s["items"]))
    if op == "tuple_of":
        return "%s = (%s)" % (t, "".join(i + ", " for i in s["items"]))
    if op == "list_append":
        return "%s.append(%s)" % (t, val)
    if op == "list_pop":
        return "%s.pop()" % t
    if op == "list_clear":
        return "%s.clear()" % t
    if op == "list_repeat":
        return "%s = %s * %d" % (t, src, s["count"])
    if op == "dict_set":
        return "%s[%r] = %s" % (t, s["key"], val)
    if op == "dict_del":
        return "del %s[%r]" % (t, s["key"])
    if op == "dict_key":
        return "%s[%s] = None" % (t, src)
    if op == "set_add":
        return "%s.add(%s)" % (t, src)
    if op == "set_discard":
        return "%s.discard(%s)" % (t, src)
    if op == "attr_set":
        return "%s.%s = %s" % (t, s["attr"], val)
    if op == "attr_del":
        return "del %s.%s" % (t, s["attr"])
    raise ValueError(op)


def S(op, target=None, **kw):
    d = {"op": op}
    if target is not None:
        d["target"] = target
    d.update(kw)
    return d


SCENARIOS = [
    ("list_basics", "x", [
        S("new_list", "x"),
        S("alias", "y", source="x"),
        S("list_of", "l", items=["x"]),
        S("new_dict", "d"),
        S("dict_set", "d", key="k", source="x"),
        S("tuple_of", "t", items=["x"]),
        S("del_name", "y"),
        S("list_append", "l", source="x"),
        S("list_clear", "l"),
        S("dict_del", "d", key="k"),
        S("del_name", "t"),
        S("list_append", "l", source="x"),
        S("list_pop", "l"),
    ]),
    ("containers_die", "x", [
        S("new_list", "x"),
        S("list_of", "l", items=["x", "x", "x"]),
        S("tuple_of", "t", items=["x", "x"]),
        S("list_of", "outer", items=["l", "t"]),
        S("del_name", "l"),
        S("del_name", "t"),
        S("list_repeat", "m", source="outer", count=3),
        S("del_name", "outer"),
        S("del_name", "m"),
    ]),
    ("instance_attrs", "x", [
        S("new_list", "x"),
        S("new_instance", "o"),
        S("attr_set", "o", attr="a", source="x"),
        S("attr_set", "o", attr="b", source="x"),
        S("attr_set", "o", attr="a", source=None),
        S("attr_set", "o", attr="c", source="x"),
        S("attr_del", "o", attr="b"),
        S("alias", "p", source="o"),
        S("del_name", "o"),
        S("del_name", "p"),
    ]),
    ("hashable_in_set_and_dict", "x", [
        S("new_instance", "x"),
        S("new_set", "s"),
        S("set_add", "s", source="x"),
        S("set_add", "s", source="x"),
        S("new_dict", "d"),
        S("dict_key", "d", source="x"),
        S("dict_key", "d", source="x"),
        S("dict_set", "d", key="v", source="x"),
        S("set_discard", "s", source="x"),
        S("set_discard", "s", source="x"),
        S("del_name", "d"),
        S("set_add", "s", source="x"),
        S("del_name", "s"),
    ]),
    ("overwrite_and_rebind", "x", [
        S("new_list", "x"),
        S("alias", "y", source="x"),
        S("alias", "z", source="y"),
        S("assign_none", "y"),
        S("new_dict", "d"),
        S("dict_set", "d", key="k", source="x"),
        S("dict_set", "d", key="k", source="x"),
        S("dict_set", "d", key="k", source=None),
        S("list_of", "l", items=["z", "x"]),
        S("alias", "z", source="l"),
        S("del_name", "l"),
        S("list_clear", "z"),
    ]),
]


def run_scenario(name, tracked, steps):
    ns = {"__builtins__": __builtins__, "__name__": "oracle"}
    exec("class C:\n    pass\n", ns)
    probe = compile("__rc__ = __grc__(%s)" % tracked, "<probe>", "exec")
    ns["__grc__"] = sys.getrefcount
    out = []
    for s in steps:
        src = step_src(s)
        exec(compile(src, "<step>", "exec"), ns)
        exec(probe, ns)
        rc = ns.pop("__rc__")
        st = dict(s)
        st["python"] = src
        st["refcount"] = rc
        out.append(st)
    ns.clear()
    return {"name": name, "tracked": tracked, "steps": out}


def refcounts():
    return [run_scenario(n, t, st) for n, t, st in SCENARIOS]


def immortals():
    objs = [
        ("None", {"op": "none"}),
        ("True", {"op": "bool", "value": True}),
        ("False", {"op": "bool", "value": False}),
        ("Ellipsis", {"op": "singleton", "name": "Ellipsis"}),
        ("NotImplemented", {"op": "singleton", "name": "NotImplemented"}),
        ("int_-5", b_int(-5)), ("int_0", b_int(0)), ("int_5", b_int(5)),
        ("int_256", b_int(256)), ("int_257", b_int(257)), ("int_-6", b_int(-6)),
        ("empty_tuple", {"op": "tuple", "items": []}),
        ("tuple_1", {"op": "tuple", "items": [b_int(1)]}),
        ("empty_str", b_str("")), ("str_a", b_str("a")), ("str_e_acute", b_str("\u00e9")),
        ("str_chr256", b_str("\u0100")),
        ("str_runtime_2char", b_str("ab")),
        ("str_interned_runtime", {"op": "interned_str",
                                  "codepoints": [ord(c) for c in "pymem_oracle_x"]}),
        ("empty_bytes", {"op": "bytes", "values": []}),
        ("bytes_1", {"op": "bytes", "values": [65]}),
        ("empty_frozenset", {"op": "frozenset", "items": []}),
        ("float_1.5", b_float(1.5)),
        ("object", {"op": "object"}),
        ("list_empty", {"op": "list", "method": "append", "items": []}),
        ("builtin_type_int", {"op": "builtin_type", "name": "int"}),
        ("builtin_type_object", {"op": "builtin_type", "name": "object"}),
        ("heap_class", {"op": "heap_class"}),
    ]
    out = []
    for name, b in objs:
        o = build(b)
        before = sys.getrefcount(o)
        refs = [o] * 10
        after = sys.getrefcount(o)
        del refs
        imm = before == after
        e = {"name": name, "build": b, "python": python_of(b),
             "delta": after - before, "immortal": imm}
        if imm:
            e["refcount"] = sys.getrefcount(o)
        out.append(e)
        del o
    return out


# ---------------------------------------------------------------- hashes

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
         "india", "juliett", "kilo", "lima", "mike", "november", "oscar", "papa",
         "quebec", "romeo", "sierra", "tango"]


def hashes():
    cases = []

    def add(cid, b):
        x = build(b)
        cases.append({"id": cid, "type": type(x).__name__, "python": python_of(b),
                      "build": b, "hash": hash(x)})

    for name, s in STR_CASES:
        add("str/" + name, b_str(s))
    for w in WORDS[:5]:
        add("str/" + w, b_str(w))
    add("str/long200", b_str("".join(WORDS) * 2))
    for name, vals in BYTES_CASES:
        add("bytes/" + name, {"op": "bytes", "values": vals})
    add("bytes/hello", {"op": "bytes", "values": [ord(c) for c in "hello"]})
    add("bytes/0-255", {"op": "bytes", "values": list(range(256))})
    ints = [("0", 0), ("1", 1), ("-1", -1), ("-2", -2), ("42", 42), ("-42", -42),
            ("2**31", 2 ** 31), ("2**61-2", 2 ** 61 - 2), ("2**61-1", 2 ** 61 - 1),
            ("2**61", 2 ** 61), ("-(2**61-1)", -(2 ** 61 - 1)), ("2**64", 2 ** 64),
            ("2**100", 2 ** 100), ("-(2**100)", -(2 ** 100)), ("10**100", 10 ** 100)]
    for name, v in ints + [p for p in INT_VALUES if p[0] not in dict(ints)]:
        add("int/" + name, b_int(v))
    add("bool/True", {"op": "bool", "value": True})
    add("bool/False", {"op": "bool", "value": False})
    for v in (0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, 2.0 ** 61, float("inf"), float("-inf")):
        add("float/%r" % v, b_float(v))
    tuples = [("empty", []), ("int1", [b_int(1)]), ("int123", [b_int(1), b_int(2), b_int(3)]),
              ("int_neg", [b_int(-1), b_int(-2)]), ("int_big", [b_int(2 ** 100), b_int(0)]),
              ("str_hello_world", [b_str("hello"), b_str("world")]),
              ("mixed", [b_int(1), b_str("a"), b_float(1.5)]),
              ("nested", [{"op": "tuple", "items": [b_int(1), b_int(2)]}, b_int(3)])]
    for name, items in tuples:
        add("tuple/" + name, {"op": "tuple", "items": items})
    fsets = [("empty", []), ("int012", [b_int(0), b_int(1), b_int(2)]),
             ("int210", [b_int(2), b_int(1), b_int(0)]),
             ("str_abc", [b_str("a"), b_str("b"), b_str("c")]),
             ("words5", [b_str(w) for w in WORDS[:5]])]
    for name, items in fsets:
        add("frozenset/" + name, {"op": "frozenset", "items": items})
    if sys.version_info >= (3, 12):
        # 3.11 hashes None by its address (varies run to run); 3.12+ by a constant
        add("none", {"op": "none"})
    return cases


def iteration_order():
    out = []

    def run(name, container, item_type, inserted):
        items = [mk_str([ord(c) for c in v]) if item_type == "str" else mk_int(v)
                 for v in inserted]
        if container == "set":
            c = set()
            for i in items:
                c.add(i)
        elif container == "frozenset":
            c = frozenset(list(items))
        else:
            c = {}
            for i in items:
                c[i] = None
        out.append({"name": name, "container": container, "item_type": item_type,
                    "inserted": list(inserted), "order": list(c)})

    run("set_words20", "set", "str", WORDS)
    run("set_words20_reversed", "set", "str", WORDS[::-1])
    run("set_words4", "set", "str", WORDS[:4])
    run("frozenset_words20", "frozenset", "str", WORDS)
    run("dict_words20", "dict", "str", WORDS)
    run("set_chars", "set", "str", [chr(c) for c in range(97, 97 + 12)])
    run("set_ints_mixed", "set", "int", [100, 5, 37, 2 ** 40, -3])
    run("set_ints_colliding", "set", "int", [8, 16, 0, 24, 1, 9, 32, 40])
    run("set_ints_desc", "set", "int", list(range(30, 0, -1)))
    run("set_ints_big", "set", "int", [2 ** 61 - 1, 2 ** 61, -1, -2, 2 ** 62, 10 ** 18])
    run("dict_ints_mixed", "dict", "int", [100, 5, 37, 2 ** 40, -3])
    return out


# ---------------------------------------------------------------- allocations

ALLOC_CLASS_SRC = ("class C:\n    def __init__(self):\n        self.a = None\n"
                   "        self.b = None\n        self.c = None\n")

# name, setup (untraced), build (traced: x = the object), build descriptor
ALLOC_CASES = [
    ("list_empty", "", "x = []",
     {"op": "list", "method": "append", "items": []}),
    ("list_5_appended", "items = [int(str(i)) for i in range(5)]",
     "x = []\nfor i in items:\n    x.append(i)\n",
     {"op": "list", "method": "append", "items": [b_int(i) for i in range(5)]}),
    ("dict_3_int_keys", "items = [int(str(i)) for i in range(3)]",
     "x = {}\nfor i in items:\n    x[i] = None\n",
     {"op": "dict", "keys": [b_int(i) for i in range(3)]}),
    ("set_5_ints", "items = [int(str(i)) for i in range(5)]",
     "x = set()\nfor i in items:\n    x.add(i)\n",
     {"op": "set", "items": [b_int(i) for i in range(5)]}),
    ("str_10", "chars = [chr(97 + i) for i in range(10)]", "x = ''.join(chars)",
     b_str("abcdefghij")),
    ("int_2**100", "digits = str(2 ** 100)", "x = int(digits)", b_int(2 ** 100)),
]
# The n-th instance of a class whose __init__ sets 3 attributes: the size of its
# values (3.11/3.12: separate values array; 3.13: inline, in the object's block)
# shrinks by one slot per instance ever created, as the class's shared keys hand
# out one less spare slot each time (dk_usable--), down to a floor.
for _n in (1, 2, 3, 4, 5, 10, 20, 25, 26, 27, 28, 29, 30, 31, 32, 50, 100):
    ALLOC_CASES.append((
        "instance_3_attrs_nth/%d" % _n,
        ALLOC_CLASS_SRC + "earlier = [C() for _ in range(%d)]\n" % (_n - 1), "x = C()",
        {"op": "instance", "slots": None, "attrs": ["a", "b", "c"], "set_in": "init",
         "ordinal": _n}))
del _n


def alloc_one(name, setup, code, rep):
    """Blocks allocated by `code` (module-level code, own file name) that are
    still alive afterwards, the names it binds being pre-bound so the namespace
    dict does not grow during the measurement."""
    fname = "<oracle-alloc:%s:%d>" % (name, rep)
    co = compile(code, fname, "exec")
    # warm-up run in a throwaway namespace: the first execution of a code object
    # allocates interpreter-internal blocks (seen on 3.11/3.12) that are not the object's
    warm = {"__builtins__": __builtins__, "__name__": "oracle", "x": None, "i": None}
    exec(compile(setup, "<oracle-setup>", "exec"), warm)
    exec(co, warm)
    warm.clear()
    ns = {"__builtins__": __builtins__, "__name__": "oracle", "x": None, "i": None}
    exec(compile(setup, "<oracle-setup>", "exec"), ns)
    gc.collect()  # a full collection empties the free lists: blocks are really malloc'd
    tracemalloc.clear_traces()
    exec(co, ns)
    # 3.11/3.12 keep a transient 48-byte block alive after int(str) until more
    # code runs; a first, discarded snapshot lets it go
    tracemalloc.take_snapshot()
    snap = tracemalloc.take_snapshot()
    blocks = sorted((tr.size for tr in snap.traces if tr.traceback[0].filename == fname),
                    reverse=True)
    del snap
    ns.clear()
    return blocks


def allocations():
    tracemalloc.start(1)
    try:
        out = []
        for name, setup, code, b in ALLOC_CASES:
            samples = [alloc_one(name, setup, code, rep) for rep in range(5)]
            e = {"name": name, "python": (setup + "\n# traced:\n" + code).strip(),
                 "build": b, "stable": all(s == samples[0] for s in samples)}
            if e["stable"]:
                e["blocks"] = samples[0]
            out.append(e)
    finally:
        tracemalloc.stop()
    return {
        "method": "tracemalloc.start(1); setup (untraced); gc.collect() (empties the free "
                  "lists); tracemalloc.clear_traces(); exec the traced module-level code; "
                  "take_snapshot() twice (the first is discarded: it lets transient blocks go); "
                  "keep the live traces whose frame is that code; "
                  "5 repetitions, each with fresh code, namespace and class",
        "note": "requested sizes as passed to PyMem/PyObject malloc/realloc (no size-class "
                "rounding; GC header and pre-header are inside the object's block); a "
                "list's item array appears at its final realloc'd size; blocks made "
                "inside C code called from the traced line (e.g. a class's shared keys "
                "created on its first instance) count too; unstable cases carry no blocks",
        "cases": out,
    }


# ---------------------------------------------------------------- main

def main():
    if __import__("os").environ.get("PYTHONHASHSEED") != "0":
        sys.exit("conformance.py: run with PYTHONHASHSEED=0 (hashes and set order depend on it)")
    gc.disable()  # no collection in the middle of a measurement
    doc = {"schema_version": 1}
    doc["meta"] = meta()
    doc["getsizeof"] = getsizeof_cases()
    doc["growth"] = growth()
    doc["identity"] = identity()
    doc["refcounts"] = refcounts()
    doc["immortals"] = immortals()
    doc["hashes"] = hashes()
    doc["iteration_order"] = iteration_order()
    doc["allocations"] = allocations()
    doc["types"] = dict(TYPES)
    gc.enable()
    sys.stdout.write(json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=True))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
