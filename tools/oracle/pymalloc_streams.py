#!/usr/bin/env python3
"""PyMem Lab differential oracle for pymalloc.

Drives CPython's real pymalloc (PyObject_Malloc / PyObject_Free through
ctypes.pythonapi) with request streams of known shape and records the
*changes* in the sys._debugmallocstats() figures between checkpoints.
The Java test (allocator-obmalloc DifferentialTest) replays the very same
streams on the `obmalloc` plugin and asserts the same changes.

Runs under CPython 3.11, 3.12 and 3.13 (stdlib only).  The driver is
tools/oracle/pymalloc_generate.sh.  Prints ONE JSON document on stdout:
json.dumps(doc, sort_keys=True, indent=1).

    python3 pymalloc_streams.py                 # every stream, one child process each
    python3 pymalloc_streams.py --child NAME    # one stream in this process (internal)

STREAMS (portable definition; the Java side generates the identical program)
============================================================================
A stream is {"name", "description", "seed", "arena_alignment", "phases": [...]}.  Phases run in
order and turn into a flat PROGRAM of steps (size, slot):

  {"op": "alloc", "count": N, "size": S}          N requests of S bytes
  {"op": "alloc", "count": N, "cycle": [S1, S2]}  request k of the phase asks
                                                   for cycle[k % len(cycle)]
  {"op": "alloc", "count": N, "range": [LO, HI]}  sizes LO + below(HI-LO+1)
  {"op": "free", "count": K, "order": "lifo"}     the K newest live blocks, newest first
  {"op": "free", "count": K, "order": "fifo"}     the K oldest live blocks, oldest first
  {"op": "free", "count": K, "order": "random"}   K times: i = below(len(live));
                                                   free live[i]; live[i] = live[-1]; pop
  {"op": "free", "count": K, "order": "stride", "start": A, "stride": S}
                                                  free live[A], live[A+S], ... live[A+(K-1)S],
                                                  then drop them from live (order kept)
  {"op": "checkpoint", "name": NAME}              read the statistics here

An alloc step gets the next slot number (0, 1, 2, ...) and appends it to the
ordered live list; a free step names the slot it frees.  "live" is that list
(allocation order, except where a random free moved the last element into a
hole).  One PRNG per stream, seeded with "seed", serves both "range" and
"random", in program order:

  xorshift64* (Vigna): state = seed XOR 0x9E3779B97F4A7C15 (1 if that is 0);
  next(): x ^= x >> 12; x ^= x << 25 (mod 2^64); x ^= x >> 27; state = x;
          return x * 0x2545F4914F6CDD1D mod 2^64
  below(n) = (next() >> 11) mod n

"program" in the output holds {"steps", "allocs", "fnv1a64"}: FNV-1a 64 over
the steps, for each step h = (h XOR size) * P; h = (h XOR slot) * P (mod 2^64,
P = 0x100000001b3, offset basis 0xcbf29ce484222325; size 0 marks a free).
The Java side checks it, so a divergence in program generation fails first.

HOW THE INTERPRETER IS KEPT QUIET
=================================
Each stream runs in a child process of its own.  Between checkpoints the
interpreter allocates too, so the child (run_child) keeps it to objects that
are transient within one step of the stream: the int ctypes makes of a
returned address and of addrs[slot] (32 bytes: class 1), ctypes' argument
object (PyCArgObject: 64 bytes, class 3, in 3.11; 80 bytes, class 4, in
3.12/3.13) and the loop index (class 1).  At a checkpoint none is alive.
What would otherwise live across a checkpoint, and how it is avoided:

  * gc.disable() after a full collection: a collection would free
    interpreter objects and empty pools in the middle of the stream;
  * the free lists (tuples, floats, lists, dicts) are filled up first: an
    object freed into a free list stays a pymalloc block, so a transient
    freed into one would otherwise stay behind in a stream pool;
  * the program (one pair of preallocated lists per segment), the address
    array (a ctypes array: raw memory) and the statistics readings (ctypes
    int64 arrays) exist before the baseline; the statistics are read by
    dup2-ing fd 2 onto one temp file (_debugmallocstats writes to C stderr);
  * no `for` loop spans a checkpoint or a priming call (its iterator is a
    pymalloc object): while loops over an index only; no int above 256 is
    held in a local across a reading;
  * warm-up: the very code that runs the stream first runs on a scratch
    array, so first-call caches and bytecode specialisation are done.

Before the baseline pymalloc is PRIMED into a state the Java side
reproduces from an empty allocator.  Priming calls PyObject_Malloc through
a second ctypes function with no argtypes and no restype (so a call makes
no Python object at all), from straight-line code.  Rounds of: read the
statistics; for each class but the last whose "avail blocks" is not
blocks_per_pool - 1, allocate avail + 1 blocks (every free block is filled
and one more opens a fresh pool: the "keeper"); fill the last class (512
bytes, used by no transient) and every unused pool of every arena with
512-byte blocks.  Done when a reading shows: no unused pool, class 31 full,
every other class with avail == blocks_per_pool - 1, i.e. all its pools
full but one, which holds the keeper alone.  Transients then always find
room in a keeper pool; the stream's first pools come from a new arena.
The Java test primes obmalloc the same way (a keeper in each class but the
last, then 512-byte blocks until no arena has a free pool) and compares
changes since that baseline.

Tolerance: none; every figure is compared exactly, and with the measures
above CPython 3.11, 3.12 and 3.13 give identical figures.  The one way a
transient can still matter is when it shares a size class with the stream
(mixed-1-512 uses every class): within one call it can take the last free
block of a pool and give it back, and a pool that went full -> partly used
moves to the front of usedpools[class] (obmalloc.c insert_to_usedpool).
The one-class streams use classes no transient uses (16, 48, 128, 256 and
512 bytes) so that this cannot happen; for mixed-1-512 it did not change
any figure either.  A run whose baseline is not exactly primed, whose
stream arenas are not all of the alignment the stream asks for, or where an
arena was released before the baseline is retried in a new process.

Arena alignment: mmap aligns arenas to pages only, so an arena that is not
16 KiB-aligned loses a pool (63 usable instead of 64).  The stream's new
arenas are mapped one below another, so all of them usually share one
alignment, which is random from run to run.  Each stream names the one it
wants ("arena_alignment": "aligned": 64 pools, or "misaligned": 63) and is
rerun until it gets it (alignment loss delta / pool size vs. arena delta at
every checkpoint), so the output is the same from run to run and both
geometries are compared.

OUTPUT (schema_version 1)
=========================
  "schema_version": 1
  "meta": {"version", "version_info", "profile", "prng", "geometry":
           {"arena_size", "pool_size", "small_request_threshold",
            "size_classes", "alignment", "pool_overhead"}, "tolerance"}
  "streams": [{
     "name", "description", "seed", "phases",
     "program": {"steps", "allocs", "fnv1a64"},
     "arena_alignment": "aligned" | "misaligned",
     "checkpoints": [{
        "name", "step" (steps run before it),
        "classes": {"<i>": {"pools": dP, "blocks": dB}}   (changes since the
                    baseline; classes with both zero are left out),
        "arenas_allocated_total", "arenas_reclaimed", "arenas_highwater",
        "arenas_current", "unused_pools", "alignment_lost_pools"  (changes)
     }]
  }]
"""

import ctypes
import gc
import json
import os
import subprocess
import sys
import tempfile

SCHEMA_VERSION = 1
M64 = (1 << 64) - 1
FNV_OFFSET = 0xcbf29ce484222325
FNV_PRIME = 0x100000001b3

N = 100_000

STREAMS = [
    {"name": "one-class-lifo", "seed": 1, "arena_alignment": "misaligned",
     "description": "100,000 blocks of 48 bytes (class 2), freed newest first",
     "phases": [
         {"op": "alloc", "count": N, "size": 48},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 2, "order": "lifo"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "free", "count": N // 2, "order": "lifo"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "one-class-fifo", "seed": 2, "arena_alignment": "aligned",
     "description": "100,000 blocks of 48 bytes (class 2), freed oldest first",
     "phases": [
         {"op": "alloc", "count": N, "size": 48},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 2, "order": "fifo"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "free", "count": N // 2, "order": "fifo"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "one-class-random", "seed": 3, "arena_alignment": "misaligned",
     "description": "100,000 blocks of 48 bytes (class 2), freed in seeded random order",
     "phases": [
         {"op": "alloc", "count": N, "size": 48},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "quarter-freed"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "three-quarters-freed"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "tiny-class-random", "seed": 4, "arena_alignment": "misaligned",
     "description": "100,000 blocks of 16 bytes (class 0, 1,021 per pool), freed in random order",
     "phases": [
         {"op": "alloc", "count": N, "size": 16},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 2, "order": "random"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "free", "count": N // 2, "order": "random"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "big-class-random", "seed": 5, "arena_alignment": "misaligned",
     "description": "100,000 blocks of 512 bytes (class 31, about 51 arenas), freed in random order: "
                    "arenas are released while usable_arenas is kept sorted",
     "phases": [
         {"op": "alloc", "count": N, "size": 512},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "quarter-freed"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "free", "count": N // 4, "order": "random"},
         {"op": "checkpoint", "name": "three-quarters-freed"},
         {"op": "free", "count": N // 4 - 1000, "order": "random"},
         {"op": "checkpoint", "name": "1000-left"},
         {"op": "free", "count": 1000, "order": "random"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "interleaved", "seed": 6, "arena_alignment": "misaligned",
     "description": "100,000 requests cycling over 16, 48, 128, 200 and 512 bytes; half freed at random, "
                    "50,000 more, then everything newest first",
     "phases": [
         {"op": "alloc", "count": N, "cycle": [16, 48, 128, 200, 512]},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 2, "order": "random"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "alloc", "count": N // 2, "cycle": [16, 48, 128, 200, 512]},
         {"op": "checkpoint", "name": "refilled"},
         {"op": "free", "count": N, "order": "lifo"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "mixed-1-512", "seed": 7, "arena_alignment": "misaligned",
     "description": "100,000 requests of 1..512 bytes (uniform), half freed at random, 50,000 more, "
                    "then everything at random",
     "phases": [
         {"op": "alloc", "count": N, "range": [1, 512]},
         {"op": "checkpoint", "name": "allocated"},
         {"op": "free", "count": N // 2, "order": "random"},
         {"op": "checkpoint", "name": "half-freed"},
         {"op": "alloc", "count": N // 2, "range": [1, 512]},
         {"op": "checkpoint", "name": "refilled"},
         {"op": "free", "count": N, "order": "random"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "usedpools-front", "seed": 9, "arena_alignment": "misaligned",
     "description": "50,800 blocks of 128 bytes (class 7, 127 a pool); every other block of the older half "
                    "freed, then one block in every 127 of the newer half; 150 more blocks go to the pools "
                    "that stopped being full last (insert_to_usedpool puts them first), which the frees of "
                    "every old block then reveal",
     "phases": [
         {"op": "alloc", "count": 50_800, "size": 128},
         {"op": "free", "count": 12_700, "order": "stride", "start": 0, "stride": 2},
         {"op": "free", "count": 200, "order": "stride", "start": 12_700, "stride": 127},
         {"op": "checkpoint", "name": "holes"},
         {"op": "alloc", "count": 150, "size": 128},
         {"op": "checkpoint", "name": "refilled"},
         {"op": "free", "count": 37_900, "order": "fifo"},
         {"op": "checkpoint", "name": "old-freed"},
         {"op": "free", "count": 150, "order": "lifo"},
         {"op": "checkpoint", "name": "freed"}]},
    {"name": "grow-shrink-grow", "seed": 8, "arena_alignment": "aligned",
     "description": "150,000 blocks of 256 bytes (about 38 arenas); 90% freed oldest first (arenas "
                    "released), 150,000 more (arenas reused and mapped again), 90% freed at random, "
                    "then the rest",
     "phases": [
         {"op": "alloc", "count": 150_000, "size": 256},
         {"op": "checkpoint", "name": "grown"},
         {"op": "free", "count": 135_000, "order": "fifo"},
         {"op": "checkpoint", "name": "shrunk"},
         {"op": "alloc", "count": 150_000, "size": 256},
         {"op": "checkpoint", "name": "regrown"},
         {"op": "free", "count": 148_500, "order": "random"},
         {"op": "checkpoint", "name": "shrunk-again"},
         {"op": "free", "count": 16_500, "order": "lifo"},
         {"op": "checkpoint", "name": "freed"}]},
]


class XorShift64Star:
    """xorshift64* (Vigna 2016); the Java test implements the same generator."""

    def __init__(self, seed):
        s = (seed ^ 0x9E3779B97F4A7C15) & M64
        self.state = s if s else 1

    def next(self):
        x = self.state
        x ^= x >> 12
        x ^= (x << 25) & M64
        x ^= x >> 27
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & M64

    def below(self, n):
        return (self.next() >> 11) % n


def build_program(stream):
    """The flat program: (sizes, slots, checkpoints [(name, step)], allocs, fnv1a64)."""
    rng = XorShift64Star(stream["seed"])
    sizes, slots, checkpoints = [], [], []
    live = []
    allocs = 0
    for ph in stream["phases"]:
        op = ph["op"]
        if op == "alloc":
            for k in range(ph["count"]):
                if "size" in ph:
                    size = ph["size"]
                elif "cycle" in ph:
                    size = ph["cycle"][k % len(ph["cycle"])]
                else:
                    lo, hi = ph["range"]
                    size = lo + rng.below(hi - lo + 1)
                sizes.append(size)
                slots.append(allocs)
                live.append(allocs)
                allocs += 1
        elif op == "free":
            count, order = ph["count"], ph["order"]
            if count > len(live):
                raise ValueError("%s: free %d of %d live" % (stream["name"], count, len(live)))
            if order == "lifo":
                for _ in range(count):
                    sizes.append(0)
                    slots.append(live.pop())
            elif order == "fifo":
                for slot in live[:count]:
                    sizes.append(0)
                    slots.append(slot)
                del live[:count]
            elif order == "stride":
                picked = range(ph["start"], ph["start"] + count * ph["stride"], ph["stride"])
                if picked[-1] >= len(live):
                    raise ValueError("%s: stride past the %d live blocks" % (stream["name"], len(live)))
                for i in picked:
                    sizes.append(0)
                    slots.append(live[i])
                gone = set(picked)
                live = [slot for i, slot in enumerate(live) if i not in gone]
            elif order == "random":
                for _ in range(count):
                    i = rng.below(len(live))
                    sizes.append(0)
                    slots.append(live[i])
                    live[i] = live[-1]
                    live.pop()
            else:
                raise ValueError("unknown order " + order)
        elif op == "checkpoint":
            checkpoints.append((ph["name"], len(sizes)))
        else:
            raise ValueError("unknown op " + op)
    h = FNV_OFFSET
    for size, slot in zip(sizes, slots):
        h = ((h ^ size) * FNV_PRIME) & M64
        h = ((h ^ slot) * FNV_PRIME) & M64
    return sizes, slots, checkpoints, allocs, "%016x" % h


# ---------------------------------------------------------------- statistics

MAX_CLASSES = 64
# Layout of one parsed reading in an int64 array.
F_POOLS, F_BLOCKS, F_AVAIL = 0, MAX_CLASSES, 2 * MAX_CLASSES
F_TOTAL = 3 * MAX_CLASSES
F_RECLAIMED = F_TOTAL + 1
F_HIGHWATER = F_TOTAL + 2
F_CURRENT = F_TOTAL + 3
F_UNUSED = F_TOTAL + 4
F_ALIGN_BYTES = F_TOTAL + 5
F_THRESHOLD = F_TOTAL + 6
F_CLASSES = F_TOTAL + 7
F_ARENA_SIZE = F_TOTAL + 8
F_POOL_SIZE = F_TOTAL + 9
F_HEADER_BYTES = F_TOTAL + 10
NFIELDS = F_TOTAL + 11
READ_LIMIT = 1 << 16
# Readings 0 .. SCRATCH_READINGS-1 are for priming and warm-up; then the baseline, then one per checkpoint.
SCRATCH_READINGS = 4


def _value(line):
    return int(line.rsplit(b"=", 1)[1].replace(b",", b"").strip())


class MallocStats:
    """sys._debugmallocstats() read at the fd level into preallocated int64 arrays.

    _debugmallocstats writes to the C stderr, so fd 2 is pointed at a temp file
    that is opened once (no Python file objects per reading)."""

    def __init__(self, readings):
        self.fd, path = tempfile.mkstemp(prefix="pymalloc-stats-")
        os.unlink(path)
        self.buf = (ctypes.c_int64 * (NFIELDS * readings))()

    def read(self, index):
        """Reads the statistics into reading `index`; everything made to parse them is freed."""
        fd = self.fd
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, 0)
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(fd, 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        os.lseek(fd, 0, 0)
        # 64 KiB at most: a bigger buffer would be mmap'd by the C library's malloc (and resized),
        # and such maps move where the next arenas are mapped, so their alignment.
        text = os.read(fd, READ_LIMIT)
        if len(text) == READ_LIMIT:
            raise ValueError("sys._debugmallocstats() wrote %d bytes or more" % READ_LIMIT)
        self._parse(text, index * NFIELDS)

    def _parse(self, text, base):
        buf = self.buf
        for i in range(base, base + NFIELDS):
            buf[i] = 0
        table = False
        for line in text.split(b"\n"):
            if line.startswith(b"Small block threshold = "):
                words = line.replace(b",", b"").split()
                buf[base + F_THRESHOLD] = int(words[4])
                buf[base + F_CLASSES] = int(words[6])
            elif line.startswith(b"-----"):
                table = True
            elif table:
                words = line.split()
                if len(words) != 5:
                    table = False
                    continue
                c = int(words[0])
                buf[base + F_POOLS + c] = int(words[2])
                buf[base + F_BLOCKS + c] = int(words[3])
                buf[base + F_AVAIL + c] = int(words[4])
            elif line.startswith(b"# arenas allocated total"):
                buf[base + F_TOTAL] = _value(line)
            elif line.startswith(b"# arenas reclaimed"):
                buf[base + F_RECLAIMED] = _value(line)
            elif line.startswith(b"# arenas highwater mark"):
                buf[base + F_HIGHWATER] = _value(line)
            elif line.startswith(b"# arenas allocated current"):
                buf[base + F_CURRENT] = _value(line)
            elif b" bytes/arena" in line:
                buf[base + F_ARENA_SIZE] = int(line.split()[3])
            elif b" unused pools * " in line:
                words = line.split()
                buf[base + F_UNUSED] = int(words[0])
                buf[base + F_POOL_SIZE] = int(words[4])
            elif line.startswith(b"# bytes lost to arena alignment"):
                buf[base + F_ALIGN_BYTES] = _value(line)
            elif line.startswith(b"# bytes lost to pool headers"):
                buf[base + F_HEADER_BYTES] = _value(line)

    def get(self, index, field):
        return self.buf[index * NFIELDS + field]


# ---------------------------------------------------------------- child: one stream

class Retry(Exception):
    pass


def _api():
    """PyObject_Malloc and PyObject_Free for the stream, and a result-less PyObject_Malloc for priming.

    The priming function has no argtypes (a small Python int is passed as a C int, which libffi
    widens to the 64-bit register) and no restype, so a call allocates no Python object at all."""
    api = ctypes.pythonapi
    malloc = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_size_t)(("PyObject_Malloc", api))
    free = ctypes.PYFUNCTYPE(None, ctypes.c_void_p)(("PyObject_Free", api))
    prime = ctypes.PYFUNCTYPE(None)(("PyObject_Malloc", api))
    prime.argtypes = None
    prime.restype = None
    return malloc, free, prime


# _prime64(p, size) calls p(size) 64 times: straight-line code, so priming needs no loop
# iterator and no int above 256 (both would be pymalloc objects living during the priming).
exec("def _prime64(p, size):\n" + "    p(size)\n" * 64)


def _prime(prime, q, r, size):
    """64*q + r blocks of `size` bytes that are never freed. q, r and size (when <= 256) are
    cached small ints, so this allocates nothing but the blocks themselves."""
    i = 0
    while i < q:
        _prime64(prime, size)
        i += 1
    i = 0
    while i < r:
        prime(size)
        i += 1


def _run(malloc, free, sizes, slots, addrs):
    """The stream proper. A while loop over an index, because a for loop's iterator (and zip's
    tuple) would be pymalloc objects living through the whole segment; what remains is transient
    within one step: the index int, the int ctypes makes of an address, ctypes' argument object."""
    k = 0
    end = len(sizes)
    while k < end:
        n = sizes[k]
        if n:
            addrs[slots[k]] = malloc(n)
        else:
            free(addrs[slots[k]])
        k += 1


def _drive(malloc, free, segments, addrs, stats, first_reading):
    """Runs the segments, reading the statistics between two segments into readings
    first_reading, first_reading + 1, ... (a while loop: no iterator lives through a checkpoint)."""
    n = len(segments)
    i = 0
    while i < n:
        _run(malloc, free, segments[i][0], segments[i][1], addrs)
        if i < n - 1:
            stats.read(first_reading + i)
        i += 1


def _fill_free_lists():
    """Fills the interpreter's free lists (tuples of 1..20 items: 2,000 each; floats 100; lists
    and dicts 80; 3.13 dict keys 80). An object freed into a free list stays a pymalloc block;
    with the lists full, a transient's block goes back to pymalloc as the stream expects, instead
    of staying behind in whatever pool it came from."""
    keep = []
    for n in range(1, 21):
        keep.extend(tuple(range(n)) for _ in range(2100))
    keep.extend(float(i) + 0.5 for i in range(200))
    keep.extend([i] for i in range(200))
    keep.extend({i: i} for i in range(200))
    del keep


def run_child(name):
    stream = next(s for s in STREAMS if s["name"] == name)
    malloc, free, prime = _api()
    gc.collect()          # (a full collection also empties the free lists)
    gc.disable()

    prog_sizes, prog_slots, checkpoints, allocs, checksum = build_program(stream)
    nsteps = len(prog_sizes)
    # One (sizes, slots) pair of Python lists per segment: iterating them makes no objects.
    bounds = [0] + [step for _, step in checkpoints] + [nsteps]
    segments = [(prog_sizes[a:b], prog_slots[a:b]) for a, b in zip(bounds, bounds[1:])]
    del prog_sizes, prog_slots
    _fill_free_lists()
    addrs = (ctypes.c_void_p * allocs)()
    stats = MallocStats(SCRATCH_READINGS + 1 + len(checkpoints))
    work, base = 0, SCRATCH_READINGS

    # Warm-up: first calls fill caches (specialised bytecode, ctypes converters) for good; the
    # adaptive interpreter specialises a site after it ran a few times. So the very code that runs
    # the stream runs first, on a scratch array, with readings into scratch slots.
    scratch = (ctypes.c_void_p * 300)()
    warm = [([16] * 300, list(range(300))), ([0] * 300, list(range(300))), ([], [])]
    for _ in range(4):
        _drive(malloc, free, warm, scratch, stats, SCRATCH_READINGS - 2)
        _prime(prime, 0, 0, 16)
        stats.read(work)
    nclasses = stats.get(work, F_CLASSES)
    threshold = stats.get(work, F_THRESHOLD)
    alignment = threshold // nclasses
    pool_size = stats.get(work, F_POOL_SIZE)
    # POOL_OVERHEAD (the pool header rounded up to ALIGNMENT): "bytes lost to pool headers" / pools.
    pool_overhead, rest = divmod(stats.get(work, F_HEADER_BYTES),
                                 sum(stats.get(work, F_POOLS + c) for c in range(nclasses)))
    if rest:
        raise ValueError("bytes lost to pool headers is not a multiple of the pools in use")
    last = nclasses - 1
    # Per class, how many blocks to prime, as (q, r) with n = 64*q + r: small ints only.
    need_q = (ctypes.c_int64 * nclasses)()
    need_r = (ctypes.c_int64 * nclasses)()

    def per_pool(c):
        # NUMBLOCKS(c)
        return (pool_size - pool_overhead) // ((c + 1) * alignment)

    def prime_all():
        c = 0
        while c < nclasses:
            _prime(prime, need_q[c], need_r[c], (c + 1) * alignment)
            c += 1

    def set_need(c, n):
        q, r = divmod(n, 64)
        need_q[c] = q
        need_r[c] = r

    # No object may live across a priming call (it would sit in a hole, or in a pool of its own):
    # the loops below are while loops over small ints, never for loops (whose iterator lives on).
    # Each round reads the statistics and primes what is not yet in the target state:
    #   class c < last: avail == per_pool(c) - 1, i.e. all pools full but one holding one block
    #     (else: fill every free block, then one more block, which opens a fresh pool: the keeper);
    #   class last and the arenas: no free block, no unused pool (else: fill them with class last).
    attempt = avail = plug = 0
    while True:
        attempt += 1
        if attempt > 12:
            raise Retry("could not prime the allocator")
        avail = plug = 0    # a big int held across the reading would be freed after it
        stats.read(work)
        todo = 0
        c = 0
        while c < last:
            avail = stats.get(work, F_AVAIL + c)
            if avail == per_pool(c) - 1:
                set_need(c, 0)
            else:
                set_need(c, avail + 1)
                todo += 1
            c += 1
        plug = stats.get(work, F_AVAIL + last) + stats.get(work, F_UNUSED) * per_pool(last)
        set_need(last, plug)
        if plug:
            todo += 1
        if todo == 0:
            break
        prime_all()
    avail = plug = 0

    # Baseline: verify the primed state the Java side reproduces.
    stats.read(base)
    problems = []
    if stats.get(base, F_UNUSED) != 0:
        problems.append("unused pools %d" % stats.get(base, F_UNUSED))
    if stats.get(base, F_AVAIL + last) != 0:
        problems.append("class %d avail %d" % (last, stats.get(base, F_AVAIL + last)))
    for c in range(last):
        if stats.get(base, F_AVAIL + c) != per_pool(c) - 1:
            problems.append("class %d avail %d, want %d" % (c, stats.get(base, F_AVAIL + c), per_pool(c) - 1))
    if problems:
        raise Retry("baseline not primed: " + "; ".join(problems))

    # The stream, with a reading at each checkpoint.
    _drive(malloc, free, segments, addrs, stats, base + 1)

    # From here on the interpreter may allocate freely.
    gc.enable()
    out_checkpoints = []
    alignment_seen = set()
    for i, (cp_name, step) in enumerate(checkpoints):
        r = base + 1 + i

        def d(field):
            return stats.get(r, field) - stats.get(base, field)

        classes = {}
        for c in range(nclasses):
            dp, db = d(F_POOLS + c), d(F_BLOCKS + c)
            if dp or db:
                classes[str(c)] = {"pools": dp, "blocks": db}
        lost = d(F_ALIGN_BYTES)
        if lost % pool_size:
            raise Retry("alignment loss %d is not a number of pools" % lost)
        lost //= pool_size
        current = d(F_CURRENT)
        if current > 0:
            if lost == current:
                alignment_seen.add("misaligned")
            elif lost == 0:
                alignment_seen.add("aligned")
            else:
                alignment_seen.add("mixed")
        out_checkpoints.append({
            "name": cp_name, "step": step, "classes": classes,
            "arenas_allocated_total": d(F_TOTAL), "arenas_reclaimed": d(F_RECLAIMED),
            "arenas_highwater": d(F_HIGHWATER), "arenas_current": current,
            "unused_pools": d(F_UNUSED), "alignment_lost_pools": lost})
    if alignment_seen != {stream["arena_alignment"]}:
        raise Retry("the stream's arenas were %s, want %s" % (sorted(alignment_seen), stream["arena_alignment"]))
    if stats.get(base, F_RECLAIMED) != 0 or stats.get(base, F_HIGHWATER) != stats.get(base, F_CURRENT):
        # Then the highwater mark's change would not be the stream's own peak.
        raise Retry("an arena was released before the baseline")
    return {
        "name": stream["name"], "description": stream["description"], "seed": stream["seed"],
        "phases": stream["phases"],
        "program": {"steps": nsteps, "allocs": allocs, "fnv1a64": checksum},
        "arena_alignment": stream["arena_alignment"],
        "checkpoints": out_checkpoints,
        "geometry": {"arena_size": stats.get(base, F_ARENA_SIZE), "pool_size": pool_size,
                     "small_request_threshold": threshold, "size_classes": nclasses,
                     "alignment": alignment, "pool_overhead": pool_overhead},
    }


# ---------------------------------------------------------------- parent

ATTEMPTS = 100
RETRY_EXIT = 3


def main(argv):
    if len(argv) == 3 and argv[1] == "--child":
        try:
            result = run_child(argv[2])
        except Retry as e:
            print("retry: %s" % e, file=sys.stderr)
            return RETRY_EXIT
        sys.stdout.write(json.dumps(result))
        return 0
    if len(argv) != 1:
        print("usage: pymalloc_streams.py", file=sys.stderr)
        return 2
    if not hasattr(sys, "_debugmallocstats"):
        print("pymalloc_streams.py: this interpreter has no sys._debugmallocstats", file=sys.stderr)
        return 1
    streams = []
    geometry = None
    for stream in STREAMS:
        reasons = {}
        for _ in range(ATTEMPTS):
            child = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", stream["name"]],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if child.returncode == 0:
                break
            err = child.stderr.decode(errors="replace").strip()
            if child.returncode != RETRY_EXIT:
                print("pymalloc_streams.py: stream %s failed (exit %d): %s"
                      % (stream["name"], child.returncode, err), file=sys.stderr)
                return 1
            reasons[err] = reasons.get(err, 0) + 1
        else:
            print("pymalloc_streams.py: stream %s: no clean run in %d attempts: %s"
                  % (stream["name"], ATTEMPTS, reasons), file=sys.stderr)
            return 1
        if reasons:
            print("pymalloc_streams.py: %s: clean run after %s" % (stream["name"], reasons), file=sys.stderr)
        result = json.loads(child.stdout)
        g = result.pop("geometry")
        if geometry is None:
            geometry = g
        elif g != geometry:
            print("pymalloc_streams.py: geometry changed between runs", file=sys.stderr)
            return 1
        streams.append(result)
    vi = sys.version_info
    doc = {
        "schema_version": SCHEMA_VERSION,
        "meta": {
            "version": sys.version,
            "version_info": [vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial],
            "profile": "cpython-%d.%d" % (vi.major, vi.minor),
            "prng": "xorshift64*: state = seed ^ 0x9E3779B97F4A7C15; below(n) = (next() >> 11) % n",
            "geometry": geometry,
            "tolerance": "none: every figure is a change since the primed baseline, compared exactly "
                         "(see the docstring of tools/oracle/pymalloc_streams.py)",
        },
        "streams": streams,
    }
    sys.stdout.write(json.dumps(doc, sort_keys=True, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
