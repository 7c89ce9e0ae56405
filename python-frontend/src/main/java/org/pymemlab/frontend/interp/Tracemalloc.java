package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BOOL;
import static org.pymemlab.frontend.interp.Interp.K_INT;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pymemlab.frontend.ast.Module;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.trace.BlockTraces;

/**
 * The {@code tracemalloc} module: {@code _tracemalloc} (start, stop, the figures, the traces) over the runtime's
 * {@link BlockTraces}, located by the interpreter's current frame and line; and {@code tracemalloc} itself
 * (Snapshot, Statistic, Traceback, Filter …), Python source run on the interpreter as CPython runs its
 * {@code tracemalloc.py}.
 */
final class Tracemalloc implements BlockTraces.Locator {

    /** CPython's limit on {@code start(nframe)}. */
    static final int MAX_NFRAME = 65535;

    /** One frame of a traceback: tracemalloc's (filename, lineno). */
    record TraceFrame(String filename, int lineno) {
    }

    /** Where a block was allocated: up to nframe frames, most recent first, and how many frames there were. */
    record Where(TraceFrame[] frames, int total) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Where w && w.total == total && Arrays.equals(w.frames, frames);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(frames) * 31 + total;
        }
    }

    /** CPython's traceback when no Python frame runs. */
    private static final Where UNKNOWN = new Where(new TraceFrame[] {new TraceFrame("<unknown>", 0)}, 1);

    private final Interp in;
    private int nframe = 1;
    private BlockTraces traces;

    private Tracemalloc(Interp in) {
        this.in = in;
    }

    @Override
    public Object where() {
        Frame f = in.current;
        if (f == null) {
            return UNKNOWN;
        }
        int total = 0;
        for (Frame g = f; g != null; g = g.back) {
            total++;
        }
        TraceFrame[] frames = new TraceFrame[Math.min(nframe, total)];
        Frame g = f;
        for (int i = 0; i < frames.length; i++, g = g.back) {
            frames[i] = new TraceFrame(g.code.filename, g.line);
        }
        return new Where(frames, total);
    }

    /** The built-in {@code _tracemalloc} module. */
    static long nativeModule(Interp in) {
        Tracemalloc tm = new Tracemalloc(in);
        Mutator m = in.m;
        long mod = Modules.newModule(in, "_tracemalloc");
        Modules.fn(in, mod, "start", (i, s, a, k) -> {
            long arg = Builtins.npos(a, k) > 0 ? a[0] : Builtins.kwValue(a, k, "nframe");
            tm.start(arg == 0 ? 1 : tm.intArg(arg));
            return i.none;
        });
        Modules.fn(in, mod, "stop", (i, s, a, k) -> {
            tm.stop();
            return i.none;
        });
        Modules.fn(in, mod, "is_tracing", (i, s, a, k) -> i.bool(tm.traces != null));
        Modules.fn(in, mod, "clear_traces", (i, s, a, k) -> {
            if (tm.traces != null) {
                tm.traces.clear();
            }
            return i.none;
        });
        Modules.fn(in, mod, "reset_peak", (i, s, a, k) -> {
            if (tm.traces != null) {
                tm.traces.resetPeak();
            }
            return i.none;
        });
        Modules.fn(in, mod, "get_traced_memory", (i, s, a, k) -> {
            long current = tm.traces == null ? 0 : tm.traces.tracedMemory();
            long peak = tm.traces == null ? 0 : tm.traces.peakMemory();
            // CPython builds these with PyLong_FromSize_t: 32-byte blocks for one-digit values
            long[] pair = {m.newMediumInt(current), m.newMediumInt(peak)};
            long t = m.newTuple(pair);
            i.release(pair);
            return t;
        });
        Modules.fn(in, mod, "get_traceback_limit", (i, s, a, k) -> i.newInt(tm.nframe));
        Modules.fn(in, mod, "get_tracemalloc_memory", (i, s, a, k) ->
                // an estimate of the tables: two hash-map entries (16 bytes each, half full) per traced block
                i.newInt(tm.traces == null ? 0 : 64L * tm.traces.count()));
        Modules.fn(in, mod, "_get_traces", (i, s, a, k) -> tm.tracesList());
        Modules.fn(in, mod, "_get_object_traceback", (i, s, a, k) -> {
            // 3.11 looks an object up by its address less the GC header alone: one with a pre-header (an
            // instance's managed dict) is never found there
            boolean findable = i.minor > 11 || i.os.preheaderSize(a[0]) == 0;
            Object where = tm.traces == null || !findable ? null : tm.traces.whereOf(i.os.blockOf(a[0]));
            return where == null ? i.incref(i.none) : tm.framesTuple((Where) where);
        });
        Modules.fn(in, mod, "_getline", (i, s, a, k) -> {
            // the source line for Traceback.format (CPython's linecache), or ''
            String line = i.sourceLine(m.strValue(a[0]), (int) m.intValue(a[1]));
            return i.newStr(line == null ? "" : line);
        });
        return mod;
    }

    private int intArg(long v) {
        int k = in.kind(v);
        if (k != K_INT && k != K_BOOL) {
            throw in.typeError("'" + in.classOf(v).name + "' object cannot be interpreted as an integer");
        }
        long n = in.os.intFitsLong(v) ? in.m.intValue(v) : -1;
        return n < 1 || n > MAX_NFRAME ? -1 : (int) n;
    }

    private void start(int frames) {
        if (frames < 1) {
            throw in.error("ValueError", "the number of frames must be in range [1; " + MAX_NFRAME + "]");
        }
        if (traces != null) {
            return; // already tracing: CPython keeps the limit it started with
        }
        nframe = frames;
        traces = new BlockTraces(this);
        in.os.traceBlocks(traces);
    }

    private void stop() {
        if (traces != null) {
            in.os.traceBlocks(null);
            traces = null;
        }
    }

    /** {@code _get_traces()}: a list of (domain, size, frames, total_nframe), frames shared per traceback. */
    private long tracesList() {
        Mutator m = in.m;
        if (traces == null) {
            return m.newList();
        }
        // copied before any object is made: the list being built is traced itself, but not in this snapshot
        List<BlockTraces.Trace> copy = traces.traces();
        Map<Object, Long> tuples = new HashMap<>();
        long domain = in.newInt(0);
        long list = m.newList();
        try {
            for (BlockTraces.Trace t : copy) {
                Where where = (Where) t.where();
                Long frames = tuples.get(where);
                if (frames == null) {
                    frames = framesTuple(where);
                    tuples.put(where, frames);
                }
                long[] items = {in.incref(domain), in.newInt(t.size()), in.incref(frames), in.newInt(where.total())};
                long trace = m.newTuple(items);
                in.release(items);
                m.listAppend(list, trace);
                m.decref(trace);
            }
        } finally {
            for (long frames : tuples.values()) {
                m.decref(frames);
            }
            m.decref(domain);
        }
        return list;
    }

    /** ((filename, lineno), …), most recent first. New reference. */
    private long framesTuple(Where where) {
        Mutator m = in.m;
        long[] frames = new long[where.frames().length];
        for (int x = 0; x < frames.length; x++) {
            TraceFrame f = where.frames()[x];
            long[] pair = {in.newStr(f.filename()), in.newInt(f.lineno())};
            frames[x] = m.newTuple(pair);
            in.release(pair);
        }
        long t = m.newTuple(frames);
        in.release(frames);
        return t;
    }
}
