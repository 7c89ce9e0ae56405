"""Cycle-collector scenarios, run on the real CPython; writes JSON to stdout.

Run by tools/oracle/gc_generate.sh on CPython 3.11.7, 3.12.1 and 3.13.0 with
PYTHONHASHSEED=0.  GcScenarioTest (runtime, package org.pymemlab.runtime.gc)
replays the same steps through Mutator and Mutator.gc() and asserts the same
answers.  Every scenario is run RUNS times in this process; an answer that is
not identical in every run is written as null and not checked (CPython's own
allocations can move counts).  Only what both sides can reproduce is asked.

SCHEMA (schema_version 1)
=========================
{"schema_version": 1,
 "meta": {"version": sys.version, "profile": "cpython-3.12", "thresholds": [700,10,10],
          "runs": 5},
 "scenarios": [{"name": "list_self_cycle", "ports": "test_list",
                "leak_check": true|false,
                "leak": {"objects": N, "bytes": B, "by_type": {"list": 1}} | absent,
                "steps": [{"op": ..., <fields>, "python": "...", "expect": <value or null>}]}]}

Every scenario starts the same way, on both sides, before its first step:
  classes A (plain: __dict__, weakrefs), D (__del__ logs its label),
  L (__del__ logs its label, then resurrects itself into the list `saved`),
  S (__slots__ = ('a', 'b')) are made and bound to those names; `saved = []`;
  then   gc.disable(); gc.collect(); gc.freeze(); gc.collect();
         baseline = gc.get_stats(); gc.freeze()
  (the second collection sees only empty generations, so long_lived_total is 0
  on both sides: the interpreter's own objects must not steer the 25 % rule)
so the scenario's objects are alone in generations 0..2 with empty free lists
and zero counts, automatic collection off, thresholds the profile's.

Names are the program's globals (Java: roots).  Every object a step creates is
labelled with its target name at creation; answers name objects by label.
The log is a list of labels: D/L instances log their label when finalized,
a weakref's callback logs the weakref's label.

STEPS (fields besides "op", "python", "expect")
  list         target, items[]        target = [i0, i1]   (BUILD_LIST)
  tuple        target, items[]        target = (i0, i1,)
  dict         target                 target = {}
  instance     target, cls            target = cls()      (cls: A, D, L, S)
  int          target, value          target = int('value')
  weakref      target, source, callback (bool)
                                      target = weakref.ref(source[, cb])
  append       target, source         target.append(source)
  setitem      target, key, source    target['key'] = source
  delitem      target, key            del target['key']
  setattr      target, attr, source   target.attr = source (no __dict__ is ever
                                      materialised: attributes stay in the values array)
  clear        target                 target.clear()
  alias        target, source         target = source
  del          target                 del target
  lists        target, count          for _ in range(count): target.append([])
                                      (a safe point after every iteration)
  cycles       count                  for _ in range(count): c = []; c.append(c)
                                      then del c  (a safe point after every iteration)
  enable / disable / freeze / unfreeze
  threshold    values[]               gc.set_threshold(*values)
  debug        flags                  gc.set_debug(flags)
  clear_saved                         saved.clear()
  -- queries: "expect" holds CPython's answer --
  collect      generation             gc.collect(generation) -> int
  count                               gc.get_count() -> [c0, c1, c2]; the query's own
                                      3-tuple is made and freed (the replay does too)
  stats                               gc.get_stats() minus baseline ->
                                      [[collections, collected, uncollectable] x 3]
  tracked      target                 gc.is_tracked(target) -> bool
  finalized    target                 gc.is_finalized(target) -> bool
  alive        target                 target() is not None (target a weakref) -> bool
  log                                 the labels logged since the last "log", "|"-joined
  freeze_count                        gc.get_freeze_count() == 0 -> bool
  record_on                           gc.callbacks.append(cb): cb appends the generation
                                      at "start", and collected at "stop"
  record_off                          removes it -> the list recorded since record_on
                                      [gen, collected, gen, collected, ...]
  objects      generation             labels of gc.get_objects(generation), in order,
                                      unlabelled objects left out
  referrers    target                 labels of gc.get_referrers(target), in order
  referents    target                 gc.get_referents(target): label, or type name
  garbage                             labels of gc.garbage, in order
  stderr       generation             gc.collect(generation) with sys.stderr captured ->
                                      {"result": n, "lines": [...]}, "%.4fs elapsed"
                                      masked to "#s elapsed", addresses to 0x#, the
                                      permanent generation's size (the interpreter's) to #
Queries that allocate in CPython (objects, referrers, referents, garbage, stats,
stderr) come after a scenario's last "count".

LEAK ("leak_check": true): the scenario re-run with every `collect` skipped and
automatic collection off; at the end every name is deleted and a collection
with DEBUG_SAVEALL puts all cyclic garbage in gc.garbage: its size, summed
sys.getsizeof and types are what refcount-only must report leaked.  Only for
scenarios without finalizers (D, L) or weakref callbacks, whose garbage holds
nothing that is not itself tracked or immortal/shared.
"""

import gc
import io
import json
import re
import sys
import weakref

RUNS = 5
SCHEMA_VERSION = 1

# ---------------------------------------------------------------- scenarios


def S(op, **kw):
    kw["op"] = op
    return kw


SCENARIOS = []


def scenario(name, ports, steps, leak_check=True):
    SCENARIOS.append({"name": name, "ports": ports, "leak_check": leak_check, "steps": steps})


scenario("list_self_cycle", "test_list", [
    S("list", target="l", items=[]), S("append", target="l", source="l"),
    S("count"), S("del", target="l"), S("count"),
    S("collect", generation=2), S("count"), S("stats"),
])
scenario("dict_self_cycle", "test_dict", [
    S("dict", target="d"), S("tracked", target="d"),
    S("setitem", target="d", key="d", source="d"), S("tracked", target="d"),
    S("del", target="d"), S("collect", generation=2), S("count"),
])
scenario("tuple_list_cycle", "test_tuple", [
    S("list", target="l", items=[]), S("tuple", target="t", items=["l"]),
    S("append", target="l", source="t"), S("del", target="t"), S("del", target="l"),
    S("collect", generation=0), S("count"), S("stats"),
])
scenario("instance_self_cycle", "test_class (instances: no class attributes yet)", [
    S("instance", target="a", cls="A"), S("setattr", target="a", attr="me", source="a"),
    S("tracked", target="a"), S("del", target="a"), S("collect", generation=2), S("count"),
])
scenario("instance_pair_cycle", "test_newinstance", [
    S("instance", target="a", cls="A"), S("instance", target="b", cls="A"),
    S("setattr", target="a", attr="b", source="b"), S("setattr", target="b", attr="a", source="a"),
    S("del", target="a"), S("del", target="b"), S("collect", generation=1), S("count"),
])
scenario("slots_cycle", "test_class (slots)", [
    S("instance", target="s", cls="S"), S("setattr", target="s", attr="a", source="s"),
    S("instance", target="u", cls="S"), S("setattr", target="u", attr="a", source="s"),
    S("setattr", target="s", attr="b", source="u"),
    S("del", target="s"), S("del", target="u"), S("collect", generation=2),
])
scenario("list_dict_ring", "test_list/test_dict", [
    S("list", target="a", items=[]), S("dict", target="b"), S("list", target="c", items=["b"]),
    S("append", target="a", source="c"), S("setitem", target="b", key="k", source="a"),
    S("del", target="a"), S("del", target="b"), S("del", target="c"),
    S("collect", generation=0), S("count"), S("collect", generation=2),
])
scenario("cycle_off_reachable", "cycles hanging off reachable objects", [
    S("list", target="root", items=[]), S("list", target="c", items=[]),
    S("append", target="c", source="c"), S("append", target="root", source="c"),
    S("list", target="tail", items=[]), S("append", target="c", source="tail"),
    S("del", target="c"), S("del", target="tail"),
    S("collect", generation=2), S("count"),
    S("clear", target="root"), S("collect", generation=2), S("count"), S("stats"),
])
scenario("get_count", "test_get_count", [
    S("collect", generation=2), S("count"),
    S("list", target="x", items=[]), S("count"),
    S("dict", target="y"), S("count"),
    S("del", target="x"), S("count"),
    S("list", target="z", items=[]), S("count"),
    S("del", target="y"), S("del", target="z"), S("count"),
])
scenario("collect_generations", "test_collect_generations", [
    S("collect", generation=2), S("count"),
    S("list", target="x", items=[]), S("collect", generation=0), S("count"),
    S("list", target="y", items=[]), S("collect", generation=1), S("count"),
    S("list", target="z", items=[]), S("collect", generation=2), S("count"),
    S("collect", generation=0), S("collect", generation=0), S("count"), S("stats"),
])
scenario("is_tracked", "test_is_tracked", [
    S("int", target="i", value=12345), S("tracked", target="i"),
    S("tuple", target="empty", items=[]), S("tracked", target="empty"),
    S("tuple", target="ti", items=["i", "i"]), S("tracked", target="ti"),
    S("list", target="l", items=[]), S("tracked", target="l"),
    S("tuple", target="tl", items=["l"]), S("tracked", target="tl"),
    S("tuple", target="tt", items=["ti"]), S("tracked", target="tt"),
    S("dict", target="d"), S("tracked", target="d"),
    S("setitem", target="d", key="a", source="i"), S("tracked", target="d"),
    S("setitem", target="d", key="b", source="l"), S("tracked", target="d"),
    S("delitem", target="d", key="b"), S("tracked", target="d"),
    S("instance", target="a", cls="A"), S("tracked", target="a"),
    S("instance", target="s", cls="S"), S("tracked", target="s"),
    S("collect", generation=0),
    S("tracked", target="ti"), S("tracked", target="tt"), S("tracked", target="tl"),
    S("tracked", target="d"), S("tracked", target="l"),
    S("collect", generation=1), S("tracked", target="tt"), S("tracked", target="d"),
    S("collect", generation=2), S("tracked", target="d"), S("tracked", target="tl"),
    S("tracked", target="l"), S("count"),
])
scenario("get_stats", "test_get_stats", [
    S("stats"), S("list", target="l", items=[]), S("append", target="l", source="l"),
    S("del", target="l"), S("collect", generation=0), S("stats"),
    S("collect", generation=1), S("stats"), S("collect", generation=2), S("stats"),
])
scenario("freeze", "test_freeze", [
    S("freeze_count"), S("unfreeze"), S("freeze_count"), S("freeze"), S("freeze_count"),
    S("list", target="l", items=[]), S("freeze"), S("count"), S("append", target="l", source="l"),
    S("del", target="l"), S("collect", generation=2), S("unfreeze"), S("freeze_count"),
], leak_check=False)
scenario("threshold_sequence_lists", "test_collect_generations (sequence under small thresholds)", [
    S("threshold", values=[10, 2, 2]), S("list", target="keep", items=[]), S("count"),
    S("record_on"), S("enable"), S("lists", target="keep", count=400), S("disable"),
    S("record_off"), S("count"), S("stats"),
])
scenario("threshold_sequence_cycles", "sequence under small thresholds, with garbage", [
    S("threshold", values=[25, 3, 2]), S("list", target="keep", items=[]), S("count"),
    S("record_on"), S("enable"), S("cycles", count=300), S("lists", target="keep", count=300),
    S("cycles", count=300), S("disable"), S("record_off"), S("count"), S("stats"),
])
scenario("threshold_long_lived", "long-lived 25 % rule", [
    S("threshold", values=[5, 2, 1]), S("list", target="keep", items=[]),
    S("record_on"), S("enable"), S("lists", target="keep", count=300), S("disable"),
    S("record_off"), S("count"),
])
scenario("resurrection_does_not_block_cleanup", "test_resurrection_does_not_block_cleanup", [
    S("instance", target="z", cls="L"), S("setattr", target="z", attr="me", source="z"),
    S("instance", target="a", cls="A"), S("setattr", target="a", attr="me", source="a"),
    S("weakref", target="wz", source="z", callback=False),
    S("weakref", target="wa", source="a", callback=False),
    S("del", target="z"), S("del", target="a"),
    S("collect", generation=2), S("log"), S("alive", target="wz"), S("alive", target="wa"),
    S("clear_saved"), S("collect", generation=2), S("log"), S("alive", target="wz"), S("count"),
], leak_check=False)
scenario("resurrection_is_transitive", "test_resurrection_is_transitive", [
    S("instance", target="z", cls="L"), S("setattr", target="z", attr="me", source="z"),
    S("instance", target="b", cls="A"), S("setattr", target="b", attr="me", source="b"),
    S("setattr", target="z", attr="b", source="b"),
    S("weakref", target="wb", source="b", callback=False),
    S("del", target="z"), S("del", target="b"),
    S("collect", generation=2), S("log"), S("alive", target="wb"),
    S("clear_saved"), S("collect", generation=2), S("log"), S("alive", target="wb"),
], leak_check=False)
scenario("resurrection_once", "test_resurrection_only_happens_once_per_object", [
    S("instance", target="z", cls="L"), S("setattr", target="z", attr="me", source="z"),
    S("del", target="z"), S("collect", generation=2), S("log"),
    S("clear_saved"), S("collect", generation=2), S("log"),
    S("instance", target="y", cls="L"), S("del", target="y"), S("log"),
    S("clear_saved"), S("log"), S("collect", generation=2),
], leak_check=False)
scenario("finalizer_cycle", "test_finalizer (tp_finalize, no tp_del)", [
    S("instance", target="d", cls="D"), S("setattr", target="d", attr="me", source="d"),
    S("instance", target="e", cls="D"), S("setattr", target="e", attr="d", source="d"),
    S("setattr", target="d", attr="e", source="e"),
    S("del", target="d"), S("del", target="e"),
    S("collect", generation=2), S("log"), S("count"), S("stats"),
], leak_check=False)
scenario("weakref_callbacks_order", "weakref callbacks and their order", [
    S("instance", target="c", cls="A"), S("setattr", target="c", attr="me", source="c"),
    S("weakref", target="w1", source="c", callback=True),
    S("weakref", target="w2", source="c", callback=True),
    S("weakref", target="w0", source="c", callback=False),
    S("instance", target="e", cls="D"), S("setattr", target="e", attr="me", source="e"),
    S("weakref", target="w3", source="e", callback=True),
    S("del", target="c"), S("del", target="e"),
    S("collect", generation=2), S("log"),
    S("alive", target="w1"), S("alive", target="w2"), S("alive", target="w0"), S("alive", target="w3"),
], leak_check=False)
scenario("trash_weakref_clear", "test_trash_weakref_clear", [
    # a weakref that is itself trash: cleared, its callback never runs
    S("instance", target="a", cls="A"), S("instance", target="b", cls="A"),
    S("setattr", target="a", attr="b", source="b"), S("setattr", target="b", attr="a", source="a"),
    S("weakref", target="wt", source="b", callback=True), S("setattr", target="a", attr="w", source="wt"),
    S("weakref", target="wr", source="a", callback=True),
    S("del", target="wt"), S("del", target="a"), S("del", target="b"),
    S("collect", generation=2), S("log"), S("alive", target="wr"),
], leak_check=False)
scenario("bug1055820", "test_bug1055820b/c/d: callbacks before finalizers, see no trash", [
    S("instance", target="c", cls="A"), S("instance", target="d", cls="D"),
    S("setattr", target="c", attr="d", source="d"), S("setattr", target="d", attr="c", source="c"),
    S("weakref", target="wc", source="c", callback=True),
    S("weakref", target="wd", source="d", callback=True),
    S("del", target="c"), S("del", target="d"),
    S("collect", generation=2), S("log"), S("alive", target="wc"), S("alive", target="wd"),
    S("collect", generation=2), S("log"),
], leak_check=False)
scenario("saveall", "DEBUG_SAVEALL and gc.garbage", [
    S("debug", flags=32), S("list", target="l", items=[]), S("append", target="l", source="l"),
    S("dict", target="d"), S("setitem", target="d", key="d", source="d"),
    S("del", target="l"), S("del", target="d"),
    S("collect", generation=2), S("debug", flags=0), S("garbage"),
], leak_check=False)
scenario("debug_stats", "DEBUG_STATS and DEBUG_COLLECTABLE output", [
    S("list", target="keep", items=[]), S("lists", target="keep", count=3),
    S("list", target="l", items=[]), S("append", target="l", source="l"), S("del", target="l"),
    S("debug", flags=1), S("stderr", generation=0),
    S("list", target="m", items=[]), S("append", target="m", source="m"), S("del", target="m"),
    S("debug", flags=3), S("stderr", generation=2), S("debug", flags=0),
])
scenario("objects_referrers_referents", "get_objects / get_referrers / get_referents", [
    S("list", target="x", items=[]), S("list", target="y", items=["x"]),
    S("tuple", target="t", items=["x"]), S("dict", target="d"),
    S("setitem", target="d", key="k", source="x"), S("list", target="z", items=["x", "y", "t"]),
    S("objects", generation=0), S("objects", generation=1),
    S("referrers", target="x"), S("referents", target="y"), S("referents", target="d"),
    S("referents", target="z"), S("collect", generation=0), S("objects", generation=0),
    S("objects", generation=1), S("collect", generation=1), S("objects", generation=2),
    S("instance", target="a", cls="A"), S("setattr", target="a", attr="x", source="x"),
    S("referents", target="a"), S("referrers", target="y"),
])

# ---------------------------------------------------------------- code generation

PRELUDE = '''\
class A:
    pass
class D:
    def __del__(self):
        _log.append(_ids.get(id(self), '?'))
class L:
    def __del__(self):
        _log.append(_ids.get(id(self), '?'))
        saved.append(self)
class S:
    __slots__ = ('a', 'b')
saved = []
def _cb(wr):
    _log.append(_ids.get(id(wr), '?'))
def _gccb(phase, info):
    if phase == 'start':
        _rec.append(info['generation'])
    else:
        _rec.append(info['collected'])
_ids[id(A)] = 'A'; _ids[id(D)] = 'D'; _ids[id(L)] = 'L'; _ids[id(S)] = 'S'
'''
# The second collection runs with everything frozen: long_lived_total = 0, as in the lab.
START = "gc.disable(); gc.collect(); gc.freeze(); gc.collect(); _base = gc.get_stats(); gc.freeze()\n"


def python_of(s):
    op = s["op"]
    t = s.get("target")
    src = s.get("source")
    if op == "list":
        return "%s = [%s]" % (t, ", ".join(s["items"]))
    if op == "tuple":
        return "%s = (%s)" % (t, "".join(i + ", " for i in s["items"]))
    if op == "dict":
        return "%s = {}" % t
    if op == "instance":
        return "%s = %s()" % (t, s["cls"])
    if op == "int":
        return "%s = int('%d')" % (t, s["value"])
    if op == "weakref":
        return "%s = weakref.ref(%s%s)" % (t, src, ", _cb" if s["callback"] else "")
    if op == "append":
        return "%s.append(%s)" % (t, src)
    if op == "setitem":
        return "%s[%r] = %s" % (t, s["key"], src)
    if op == "delitem":
        return "del %s[%r]" % (t, s["key"])
    if op == "setattr":
        return "%s.%s = %s" % (t, s["attr"], src)
    if op == "clear":
        return "%s.clear()" % t
    if op == "alias":
        return "%s = %s" % (t, src)
    if op == "del":
        return "del %s" % t
    if op == "lists":
        return "for _ in range(%d): %s.append([])" % (s["count"], t)
    if op == "cycles":
        return "for _ in range(%d): c = []; c.append(c)\ndel c" % s["count"]
    if op in ("enable", "disable", "freeze", "unfreeze"):
        return "gc.%s()" % op
    if op == "threshold":
        return "gc.set_threshold(%s)" % ", ".join(map(str, s["values"]))
    if op == "debug":
        return "gc.set_debug(%d)" % s["flags"]
    if op == "clear_saved":
        return "saved.clear()"
    if op == "collect":
        return "gc.collect(%d)" % s["generation"]
    if op == "count":
        return "gc.get_count()"
    if op == "stats":
        return "gc.get_stats()"
    if op == "tracked":
        return "gc.is_tracked(%s)" % t
    if op == "finalized":
        return "gc.is_finalized(%s)" % t
    if op == "alive":
        return "%s() is not None" % t
    if op == "log":
        return "_log"
    if op == "freeze_count":
        return "gc.get_freeze_count() == 0"
    if op == "record_on":
        return "gc.callbacks.append(cb)"
    if op == "record_off":
        return "gc.callbacks.remove(cb)"
    if op == "objects":
        return "gc.get_objects(%d)" % s["generation"]
    if op == "referrers":
        return "gc.get_referrers(%s)" % t
    if op == "referents":
        return "gc.get_referents(%s)" % t
    if op == "garbage":
        return "gc.garbage"
    if op == "stderr":
        return "gc.collect(%d)  # stderr captured" % s["generation"]
    raise ValueError(op)


def code_of(steps, leak_mode):
    """The scenario as one module body: queries store into the preallocated _r."""
    lines = [START]
    for i, s in enumerate(steps):
        op = s["op"]
        t = s.get("target")
        if op == "collect":
            lines.append("_r[%d] = gc.collect(%d)" % (i, s["generation"]) if not leak_mode else "pass")
            continue
        if op == "stderr":
            if leak_mode:
                lines.append("pass")
                continue
            lines.append("sys.stderr = _err; _r[%d] = gc.collect(%d); sys.stderr = sys.__stderr__" % (i, s["generation"]))
            lines.append("_r2[%d] = _err.getvalue(); _err.seek(0); _err.truncate()" % i)
            continue
        if op == "count":
            lines.append("_c = gc.get_count(); _r[%d] = _c[0]; _r2[%d] = _c[1]; _r3[%d] = _c[2]; del _c" % (i, i, i))
            continue
        if op == "stats":
            lines.append("_r[%d] = gc.get_stats()" % i)
            continue
        if op in ("objects", "referrers", "referents", "garbage") and leak_mode:
            lines.append("pass")  # their lists would keep the garbage reachable
            continue
        if op in ("tracked", "finalized", "alive", "freeze_count", "objects", "referrers", "referents",
                  "garbage"):
            lines.append("_r[%d] = %s" % (i, python_of(s)))
            continue
        if op == "log":
            lines.append("_r[%d] = '|'.join(_log); _log.clear()" % i)
            continue
        if op == "record_on":
            lines.append("_r[%d] = len(_rec); gc.callbacks.append(_gccb)" % i)
            continue
        if op == "record_off":
            lines.append("gc.callbacks.remove(_gccb); _r[%d] = len(_rec)" % i)
            continue
        if op in ("enable",) and leak_mode:
            lines.append("pass")
            continue
        lines.append(python_of(s))
        if op in ("list", "tuple", "dict", "instance", "int", "weakref"):
            lines.append("_ids[id(%s)] = %r" % (t, t))
    return "\n".join(lines) + "\n"


def _cls_of(steps, target):
    cls = None
    for s in steps:
        if s["op"] == "instance" and s["target"] == target:
            cls = s["cls"]
    return cls


def labels(ids, objs, keep_unlabelled=False):
    out = []
    for o in objs:
        name = ids.get(id(o))
        if name is None and keep_unlabelled:
            name = type(o).__name__
        if name is not None:
            out.append(name)
    return out


MASK_ELAPSED = re.compile(r"\d+\.\d{4}s elapsed")
MASK_ADDRESS = re.compile(r"0x[0-9a-f]+")
MASK_PERMANENT = re.compile(r"(objects in permanent generation: )\d+")


def run_once(sc, leak_mode=False):
    steps = sc["steps"]
    code = compile(code_of(steps, leak_mode), "<" + sc["name"] + ">", "exec")
    n = len(steps)
    ns = {"__builtins__": __builtins__, "gc": gc, "weakref": weakref, "sys": sys,
          "_r": [None] * n, "_r2": [None] * n, "_r3": [None] * n, "_log": [], "_rec": [],
          "_ids": {}, "_err": io.StringIO()}
    thresholds = gc.get_threshold()
    exec(compile(PRELUDE, "<prelude>", "exec"), ns)
    try:
        exec(code, ns)
        ids = ns["_ids"]
        base = ns["_base"]
        out = []
        for i, s in enumerate(steps):
            op = s["op"]
            r = ns["_r"][i]
            if leak_mode:
                out.append(None)
            elif op == "count":
                out.append([r, ns["_r2"][i], ns["_r3"][i]])
            elif op == "stats":
                out.append([[r[g][k] - base[g][k] for k in ("collections", "collected", "uncollectable")]
                            for g in range(3)])
            elif op == "record_on":
                out.append(None)
            elif op == "record_off":
                start = next(ns["_r"][j] for j in range(i, -1, -1) if steps[j]["op"] == "record_on")
                out.append(list(ns["_rec"][start:r]))
            elif op in ("objects", "referrers", "garbage"):
                out.append(labels(ids, r))
            elif op == "referents":
                out.append(labels(ids, r, keep_unlabelled=True))
            elif op == "stderr":
                text = MASK_ADDRESS.sub("0x#", MASK_ELAPSED.sub("#s elapsed", ns["_r2"][i]))
                text = MASK_PERMANENT.sub(r"\1#", text)
                out.append({"result": r, "lines": text.splitlines()})
            else:
                out.append(r)
        leak = None
        if leak_mode:
            for name in [s["target"] for s in steps if s.get("target")]:
                ns.pop(name, None)
            gc.set_debug(gc.DEBUG_SAVEALL)
            gc.collect()
            gc.set_debug(0)
            by_type = {}
            for o in gc.garbage:
                by_type[type(o).__name__] = by_type.get(type(o).__name__, 0) + 1
            leak = {"objects": len(gc.garbage), "bytes": sum(sys.getsizeof(o) for o in gc.garbage),
                    "by_type": by_type}
        return out, leak
    finally:
        gc.set_debug(0)
        while _gccb_in(ns):
            pass
        gc.garbage.clear()
        ns.get("saved", []).clear()
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        ns.clear()
        gc.collect()
        gc.enable()


def _gccb_in(ns):
    cb = ns.get("_gccb")
    if cb is not None and cb in gc.callbacks:
        gc.callbacks.remove(cb)
        return True
    return False


def main():
    minor = "%d.%d" % sys.version_info[:2]
    out = {"schema_version": SCHEMA_VERSION,
           "meta": {"version": sys.version, "profile": "cpython-" + minor,
                    "thresholds": list(gc.get_threshold()), "runs": RUNS},
           "scenarios": []}
    for sc in SCENARIOS:
        runs = [run_once(sc)[0] for _ in range(RUNS)]
        steps = []
        for i, s in enumerate(sc["steps"]):
            step = dict(s)
            step["python"] = python_of(s)
            answers = [r[i] for r in runs]
            if s["op"] in ("collect", "count", "stats", "tracked", "finalized", "alive", "log", "freeze_count",
                           "record_off", "objects", "referrers", "referents", "garbage", "stderr"):
                step["expect"] = answers[0] if all(a == answers[0] for a in answers) else None
            steps.append(step)
        entry = {"name": sc["name"], "ports": sc["ports"], "leak_check": sc["leak_check"], "steps": steps}
        if sc["leak_check"]:
            leaks = [run_once(sc, leak_mode=True)[1] for _ in range(RUNS)]
            if all(x == leaks[0] for x in leaks):
                entry["leak"] = leaks[0]
        out["scenarios"].append(entry)
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
