package org.pymemlab.frontend.interp;

import org.pymemlab.api.collector.ReferentVisitor;
import org.pymemlab.runtime.ObjectSpace;

/**
 * Frame objects ({@code PyFrameObject}), made as CPython 3.11+ makes them: only when something asks for one — a
 * traceback entry (every frame an exception reaches), {@code sys._getframe}, {@code f_back} — and untracked
 * while their frame runs. The running frame holds one reference to its frame object. When the frame returns
 * and its frame object is held elsewhere too (a traceback, a variable), the frame object takes over the
 * frame's locals and cells, links {@code f_back} to the caller's frame object (making it too), keeps the
 * function, and is tracked from then on ({@code take_ownership} in Python/frame.c); otherwise it goes with
 * the frame. So an exception kept after its handler keeps the locals of every frame it passed through, and
 * {@code gc.collect()} finds the cycle an exception stored in one of those locals makes.
 */
final class FrameObjects {

    /** Slots: the caller's frame object once linked, the function once the frame returned, 3.11/3.12's f_locals. */
    static final int F_BACK = 0, F_FUNCTION = 1, F_LOCALS = 2;

    private final Interp in;

    FrameObjects(Interp in) {
        this.in = in;
    }

    /**
     * A frame object's payload: its frame, whose locals it reads while the frame runs; once the frame has
     * returned, the locals and cells it took over (moved out of the frame, which keeps running code no longer).
     */
    private static final class Data implements ObjectSpace.PayloadReferents {
        final Interp in;
        final Frame frame;
        boolean returned;
        long[] locals;
        long[] cells;

        Data(Interp in, Frame frame) {
            this.in = in;
            this.frame = frame;
        }

        /** The frame's locals as they are now: its own while it runs, the taken-over ones after. */
        long[] locals() {
            return returned ? locals : frame.locals;
        }

        @Override
        public void visitReferents(ReferentVisitor visitor) {
            if (locals != null) {
                visitAll(locals, visitor);
                visitAll(cells, visitor);
            }
        }

        @Override
        public void clearReferents() {
            if (locals != null) {
                in.empty(locals);
                in.empty(cells);
            }
        }
    }

    /** Visits the non-empty references of an array of locals or cells (a frame object's, a generator's). */
    static void visitAll(long[] refs, ReferentVisitor visitor) {
        for (long v : refs) {
            if (v != 0) {
                visitor.visit(v);
            }
        }
    }

    /** The frame object of frame f, which is running, made on first use (_PyFrame_GetFrameObject). Borrowed. */
    long of(Frame f) {
        if (f.frameObject == 0) {
            long fo = in.os.newUntrackedHostObject(in.tFrame);
            in.os.setPayload(fo, new Data(in, f));
            f.frameObject = fo;
        }
        return f.frameObject;
    }

    /**
     * Frame f returns and gives up its frame object. Returns true when the frame object lives on and has taken
     * over f's locals and cells, which the caller must then leave alone.
     */
    boolean exit(Frame f) {
        long fo = f.frameObject;
        f.frameObject = 0;
        if (in.os.refcount(fo) == 1) {
            in.m.decref(fo);
            return false;
        }
        Data d = data(fo);
        d.returned = true;
        d.locals = take(f.locals);
        d.cells = f.cells == null ? new long[0] : take(f.cells);
        if (f.localsDict != 0) {
            in.os.setHostSlot(fo, F_LOCALS, f.localsDict); // the frame's f_locals goes with its data
        }
        // a suspended generator's frame, ended when the generator dies, has no caller to link to
        Frame back = f.generator != null && !f.generator.isRunning() ? null : running(f.back);
        if (back != null && in.os.hostSlot(fo, F_BACK) == 0) {
            in.os.setHostSlot(fo, F_BACK, of(back));
        }
        // a borrowed function is the caller's, alive unless the call's own code let go of the last reference
        if (f.function != 0 && (f.ownsFunction || in.os.isLive(f.function))) {
            in.os.setHostSlot(fo, F_FUNCTION, f.function);
        }
        in.os.trackHostObject(fo);
        in.m.decref(fo);
        return true;
    }

    /**
     * The first frame from f on that has not returned: the caller a frame object links to. A frame that is
     * returning is no longer on the stack, though code its releases run (a finalizer, a generator closed) may
     * still see it as the current frame.
     */
    static Frame running(Frame f) {
        while (f != null && f.returned) {
            f = f.back;
        }
        return f;
    }

    /** A copy of refs, which are emptied: the references move to the copy. */
    private static long[] take(long[] refs) {
        long[] moved = refs.clone();
        java.util.Arrays.fill(refs, 0);
        return moved;
    }

    private Data data(long fo) {
        return (Data) in.os.payload(fo);
    }

    /** sys._getframe(depth): the frame object depth calls up from the running frame. New reference. */
    long getframe(long depth) {
        Frame f = running(in.current);
        for (long i = 0; i < depth && f != null; i++) {
            f = running(f.back);
        }
        if (f == null) {
            throw in.error("ValueError", "call stack is not deep enough");
        }
        return in.incref(of(f));
    }

    /** A frame object's attribute, or 0 when it has none of that name. New reference. */
    long attribute(long fo, String name) {
        Data d = data(fo);
        Frame f = d.frame;
        return switch (name) {
            case "f_back" -> back(fo, d);
            case "f_code" -> in.incref(Codes.of(in, f.code));
            case "f_lineno" -> in.newInt(f.line);
            case "f_globals" -> in.incref(f.globals);
            case "f_builtins" -> in.incref(in.builtinsDict);
            case "f_locals" -> in.minor >= 13 && f.classNs == 0 && !f.code.name.equals("<module>")
                    ? localsProxy(fo) : locals(fo, d);
            case "f_trace" -> in.incref(in.none);
            case "clear" -> in.newBuiltin("clear", fo, (i, self, a, kw) -> clear(self));
            default -> 0;
        };
    }

    /** f_back: the linked caller's frame object, or while the frame runs its caller's (made now), or None. */
    private long back(long fo, Data d) {
        long back = in.os.hostSlot(fo, F_BACK);
        if (back != 0) {
            return in.incref(back);
        }
        // a suspended generator's frame is on no stack: it has no caller until it is resumed
        boolean suspended = d.frame.generator != null && !d.frame.generator.isRunning();
        Frame caller = d.returned || suspended ? null : running(d.frame.back);
        if (caller != null) {
            return in.incref(of(caller));
        }
        return in.incref(in.none);
    }

    /**
     * f_locals but 3.13's proxy: a module's or class body's namespace itself; for a function (3.11 and 3.12) the
     * one dict the frame keeps, refreshed, which holds a reference to each local.
     */
    private long locals(long fo, Data d) {
        Frame f = d.frame;
        if (!d.returned || f.classNs != 0 || f.code.name.equals("<module>")) {
            return locals(f);
        }
        long dict = in.os.hostSlot(fo, F_LOCALS);
        if (dict == 0) {
            dict = in.m.newDict();
            in.os.setHostSlot(fo, F_LOCALS, dict);
            in.m.decref(dict);
        }
        refresh(in, dict, f.code, d.locals);
        return in.incref(dict);
    }

    /**
     * locals() of a running frame, and its f_locals: the namespace of a module or class body; for a function, on
     * 3.11 and 3.12 the one dict the frame keeps and refreshes (PyFrame_FastToLocals), on 3.13 a new snapshot.
     * New reference.
     */
    long locals(Frame f) {
        if (f.classNs != 0 || f.code.name.equals("<module>") || in.minor >= 13) {
            return Builtins.namespace(in, f);
        }
        if (f.localsDict == 0) {
            f.localsDict = in.m.newDict();
        }
        refresh(in, f.localsDict, f.code, f.locals);
        return in.incref(f.localsDict);
    }

    /** Puts the bound locals in dict and takes the unbound ones out (PyFrame_FastToLocals). */
    static void refresh(Interp in, long dict, Code code, long[] locals) {
        String[] names = code.localNames;
        for (int i = 0; i < names.length && i < locals.length; i++) {
            long key = in.internStr(names[i]);
            if (locals[i] != 0) {
                in.m.dictSet(dict, key, locals[i]);
            } else if (in.m.dictGet(dict, key) != 0) {
                in.m.dictDel(dict, key);
            }
        }
    }

    /**
     * 3.13's f_locals of a function frame (PEP 667): a FrameLocalsProxy over the frame, which reads and writes
     * the locals where they are and holds none of them. New reference.
     */
    private long localsProxy(long fo) {
        long module = Modules.importModule(in, "_framelocals");
        try {
            long proxyClass = in.getattr(module, "FrameLocalsProxy");
            try {
                return in.call(proxyClass, new long[] {in.incref(fo)}, null); // call consumes its arguments
            } finally {
                in.m.decref(proxyClass);
            }
        } finally {
            in.m.decref(module);
        }
    }

    /** The native half of _framelocals: the bound locals' names, and one local read or written by name. */
    static long nativeModule(Interp in) {
        long mod = Modules.newModule(in, "_pymemframe");
        Modules.fn(in, mod, "names", (i, s, a, k) -> {
            Data d = i.frames.data(a[0]);
            long[] locals = d.locals();
            String[] names = d.frame.code.localNames;
            java.util.List<Long> bound = new java.util.ArrayList<>();
            for (int n = 0; n < names.length && n < locals.length; n++) {
                if (locals[n] != 0) {
                    bound.add(i.internStr(names[n]));
                }
            }
            return i.m.newList(bound.stream().mapToLong(Long::longValue).toArray());
        });
        // get(frame, name, default): the local's value, or default when it is unbound or not a local
        Modules.fn(in, mod, "get", (i, s, a, k) -> {
            Data d = i.frames.data(a[0]);
            int n = indexOf(d.frame.code, i.m.strValue(a[1]));
            long[] locals = d.locals();
            return i.incref(n >= 0 && n < locals.length && locals[n] != 0 ? locals[n] : a[2]);
        });
        // set(frame, name, value): stores into the local and answers True, or False when it is not a local
        Modules.fn(in, mod, "set", (i, s, a, k) -> {
            Data d = i.frames.data(a[0]);
            int n = indexOf(d.frame.code, i.m.strValue(a[1]));
            long[] locals = d.locals();
            if (n < 0 || n >= locals.length) {
                return i.incref(i.falseObj);
            }
            long old = locals[n];
            locals[n] = i.incref(a[2]);
            if (old != 0) {
                i.m.decref(old);
            }
            return i.incref(i.trueObj);
        });
        return mod;
    }

    private static int indexOf(Code code, String name) {
        String[] names = code.localNames;
        for (int n = 0; n < names.length; n++) {
            if (names[n].equals(name)) {
                return n;
            }
        }
        return -1;
    }

    /** frame.clear(): a returned frame lets go of its locals; a running one cannot. */
    private long clear(long fo) {
        Data d = data(fo);
        if (!d.returned) {
            throw in.error("RuntimeError", "cannot clear an executing frame");
        }
        d.clearReferents();
        in.os.setHostSlot(fo, F_LOCALS, 0);
        return in.incref(in.none);
    }

    /** repr(frame), as frame_repr writes it. */
    String repr(long fo) {
        Frame f = data(fo).frame;
        return "<frame at " + Interp.hexAddress(fo) + ", file '" + f.code.filename + "', line " + f.line + ", code "
                + f.code.name + ">";
    }
}
