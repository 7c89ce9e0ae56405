package org.pymemlab.frontend.interp;

import org.pymemlab.runtime.ObjectSpace;

/**
 * A generator: its frame runs as a coroutine of its own that hands control back and forth with its caller at
 * each {@code yield} (only one of them runs at a time, as under the GIL) — a {@link GeneratorTransport}: the
 * JDK's continuations when {@code jdk.internal.vm} is exported to the interpreter (the {@code pymem} jar and
 * the build do), else a virtual thread per generator. The frame's locals keep their references while the
 * generator is suspended; when the generator object dies suspended, GeneratorExit is raised at the yield so its
 * finally blocks run, as gen_dealloc does.
 */
final class Generator implements Interp.JIter, GeneratorLike, ObjectSpace.DeallocListener, ObjectSpace.PayloadReferents {

    /** What the frame's code makes: a def with yield, an async def, or an async def with yield. */
    enum Kind {
        GENERATOR("generator", "generator"), COROUTINE("coroutine", "coroutine"),
        ASYNC_GENERATOR("async generator", "async_generator");

        /** As messages name it. */
        final String text;
        /** The object's type. */
        final String typeName;

        Kind(String text, String typeName) {
            this.text = text;
            this.typeName = typeName;
        }
    }

    private static final String SEND = "send";
    private static final String CLOSE = "close";
    private static final String THROW = "throw";
    private static final String YIELD = "yield";
    private static final String DONE = "done";
    private static final String ERROR = "error";

    private final Interp in;
    private final Frame frame;
    private final GeneratorTransport transport = GeneratorTransport.create(this::body);
    private boolean started;
    private boolean finished;
    private boolean running;
    /** Its finalizer (closing it) has run. */
    private boolean finalized;

    /** A coroutine says so in its messages and warns if never awaited; an async generator wraps its yields. */
    private final Kind kind;
    /** The last value handed out came from the body's own yield, not from an await passing through. */
    private boolean lastYieldWasValue;
    /** An async generator: an asend or athrow of it is running (ag_running_async); it was closed (ag_closed). */
    boolean runningAsync;
    boolean closedAsync;

    Generator(Interp in, Frame frame, Kind kind) {
        this.in = in;
        this.frame = frame;
        this.kind = kind;
        frame.generator = this;
    }

    Kind kind() {
        return kind;
    }

    /** "generator", "coroutine" or "async generator", as the object's repr and its errors name it. */
    String kindName() {
        return kind.text;
    }

    boolean finished() {
        return finished;
    }

    /**
     * Whether the value the last resumption handed out was yielded by the body (for an async generator, the
     * value its async-for receives) rather than by an await inside it (for the event loop).
     */
    boolean lastYieldWasValue() {
        return lastYieldWasValue;
    }

    /** The code's qualified name, as the generator's repr shows it. */
    String qualname() {
        return frame.code.qualname;
    }

    @Override
    public long next(Interp interp, long self) {
        return send(in.none, self);
    }

    /** gen.send(value): the next yielded value (new reference), or 0 when the generator returned. */
    long send(long value, long self) {
        return send(value, self, false);
    }

    /**
     * gen.send(value) and next(gen) as called by the program: the next yielded value (new reference), or the
     * StopIteration the return makes (carrying the returned value unless it is None).
     */
    @Override
    public long sendRaising(long value, long self) {
        return send(value, self, true);
    }

    /**
     * gen.throw(exc): raises exc where the generator is suspended and gives what it yields next (new reference);
     * its return becomes StopIteration. A generator not started yet, or finished, raises exc at once.
     */
    @Override
    public long throwInto(PyRaise exc, long self) {
        if (running) {
            in.m.decref(exc.exc);
            throw in.error("ValueError", kindName() + " already executing");
        }
        if (finished || !started) {
            if (!finished) {
                finished = true;
                started = true;
                in.releaseFrame(frame);
            }
            throw exc;
        }
        return reply(resume(new Object[] {THROW, exc}), true);
    }

    private long send(long value, long self, boolean raise) {
        if (finished) {
            if (kind == Kind.COROUTINE) {
                throw in.error("RuntimeError", "cannot reuse already awaited coroutine");
            }
            if (raise) {
                throw in.stopIteration(in.none);
            }
            return 0;
        }
        if (running) {
            throw in.error("ValueError", kindName() + " already executing");
        }
        return reply(resume(new Object[] {SEND, value}), raise);
    }

    /** What a resumed generator answered: the value it yielded, 0 or StopIteration for its return, or its error. */
    private long reply(Object[] msg, boolean raise) {
        return switch ((String) msg[0]) {
            case YIELD -> {
                lastYieldWasValue = (Boolean) msg[2];
                yield (Long) msg[1];
            }
            case DONE -> {
                long returned = (Long) msg[1];
                try {
                    if (raise) {
                        throw in.stopIteration(returned);
                    }
                } finally {
                    in.m.decref(returned);
                }
                yield 0;
            }
            default -> throw (PyRaise) msg[1];
        };
    }

    /** gen.close(). */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        if (!started) {
            finished = true;
            if (in.minor < 12) {
                // 3.11 throws GeneratorExit into the new frame, which ends it; 3.12 only marks it completed, and
                // the frame keeps its arguments until the generator dies
                in.releaseFrame(frame);
            }
            return;
        }
        Object[] msg = resume(new Object[] {CLOSE});
        switch ((String) msg[0]) {
            case YIELD -> {
                in.m.decref((Long) msg[1]);
                throw in.error("RuntimeError", kindName() + " ignored GeneratorExit");
            }
            case DONE -> in.m.decref((Long) msg[1]);
            default -> {
                PyRaise e = (PyRaise) msg[1];
                if (!in.isInstance(e.exc, "GeneratorExit")) {
                    throw e;
                }
                in.m.decref(e.exc);
            }
        }
    }

    /**
     * gen_traverse: the frame's locals, cells, function and frame object while the frame has not been released.
     * (A suspended frame's evaluation stack is Java's here, so what only it holds stays out of the collector's view.)
     */
    @Override
    public void visitReferents(org.pymemlab.api.collector.ReferentVisitor visitor) {
        FrameObjects.visitAll(frame.locals, visitor);
        if (frame.cells != null) {
            FrameObjects.visitAll(frame.cells, visitor);
        }
        if (frame.ownsFunction) {
            visitor.visit(frame.function);
        }
        if (frame.frameObject != 0) {
            visitor.visit(frame.frameObject);
        }
        if (frame.localsDict != 0) {
            visitor.visit(frame.localsDict);
        }
    }

    /** Generators have no tp_clear: a cycle through one is broken by closing it (its finalizer) or elsewhere. */
    @Override
    public void clearReferents() {
    }

    /** Running now (gi_running): a suspended generator's frame has no caller. */
    boolean isRunning() {
        return running;
    }

    /**
     * The generator's own fields, named gi_ (generator), cr_ (coroutine) or ag_ (async generator): its frame
     * object (None once finished), code, running and suspended states; its __name__ and __qualname__. New
     * reference, or 0 for another name.
     */
    long attribute(String name) {
        String prefix = kind == Kind.GENERATOR ? "gi_" : kind == Kind.COROUTINE ? "cr_" : "ag_";
        if (name.equals("__name__") || name.equals("__qualname__")) {
            return in.newStr(name.equals("__name__") ? frame.code.name : frame.code.qualname);
        }
        if (!name.startsWith(prefix)) {
            return 0;
        }
        return switch (name.substring(3)) {
            case "frame" -> finished || frame.returned ? in.incref(in.none) : in.incref(in.frames.of(frame));
            case "code" -> in.incref(Codes.of(in, frame.code));
            case "running" -> in.incref(running ? in.trueObj : in.falseObj);
            case "suspended" -> in.minor >= 11 && kind != Kind.ASYNC_GENERATOR
                    ? in.incref(started && !finished && !running ? in.trueObj : in.falseObj) : 0;
            default -> 0;
        };
    }

    /** gen_dealloc: the finalizer unless the collector ran it, then the frame goes if it is still held. */
    @Override
    public void deallocating(long object) {
        finalize(object);
        if (!frame.returned) {
            in.releaseFrame(frame);
        }
    }

    /** tp_finalize, from the collector or at deallocation, whichever comes first: close a suspended generator. */
    void finalize(long object) {
        if (finalized) {
            return;
        }
        finalized = true;
        if (kind == Kind.COROUTINE && !started && !finished) {
            warnNeverAwaited();
        }
        try {
            close();
        } catch (PyRaise e) {
            in.err.println("Exception ignored in: <" + kindName() + " object " + frame.code.qualname + ">");
            in.printException(e);
            in.m.decref(e.exc);
        }
    }

    /**
     * _PyErr_WarnUnawaitedCoroutine: the RuntimeWarning, shown as the warnings module shows it, at the line that
     * dropped the coroutine's last reference.
     */
    private void warnNeverAwaited() {
        Frame at = in.current;
        String where = at == null ? "sys:1" : at.code.filename + ":" + at.line;
        in.err.println(where + ": RuntimeWarning: coroutine '" + frame.code.qualname + "' was never awaited");
        String[] lines = at == null ? null : in.sources.get(at.code.filename);
        if (lines != null && at.line >= 1 && at.line <= lines.length) {
            in.err.println("  " + lines[at.line - 1].strip());
        }
        in.err.println("RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
    }

    private Object[] resume(Object[] msg) {
        started = true;
        if (in.depth >= Math.min(in.recursionLimit, Interp.MAX_EFFECTIVE_RECURSION_LIMIT)) {
            throw in.error("RecursionError", "maximum recursion depth exceeded");
        }
        Frame saved = in.current;
        frame.back = FrameObjects.running(saved);
        in.current = frame;
        in.depth++;
        running = true;
        try {
            Object[] reply = transport.resume(msg);
            if (!YIELD.equals(reply[0])) {
                finished = true;
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw in.error("SystemError", "interrupted while running a generator");
        } finally {
            running = false;
            in.depth--;
            in.current = saved;
        }
    }

    private void body() {
        Object[] reply;
        try {
            Object[] first = transport.firstMessage();
            if (CLOSE.equals(first[0])) {
                in.releaseFrame(frame);
                reply = new Object[] {DONE, in.none};
            } else if (THROW.equals(first[0])) {
                in.releaseFrame(frame);
                reply = new Object[] {ERROR, first[1]};
            } else {
                reply = run();
            }
            transport.finish(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object[] run() {
        try {
            int r = frame.code.body.exec(frame);
            long ret = r == Code.RETURN ? frame.retval : in.none;
            in.releaseFrame(frame);
            return new Object[] {DONE, ret};
        } catch (PyRaise e) {
            in.tracebacks.record(e, frame);
            in.releaseFrame(frame);
            String stop = in.isInstance(e.exc, "StopIteration") ? "StopIteration"
                    : kind == Kind.ASYNC_GENERATOR && in.isInstance(e.exc, "StopAsyncIteration") ? "StopAsyncIteration" : null;
            if (stop != null) {
                // PEP 479: the stop escaping the body becomes a RuntimeError, chained to it
                PyRaise r = in.error("RuntimeError", kindName() + " raised " + stop);
                in.tracebacks.setContext(r, e.exc);
                in.tracebacks.setCause(r.exc, e.exc);
                return new Object[] {ERROR, r};
            }
            return new Object[] {ERROR, e};
        } catch (RuntimeException e) {
            PyRaise p = in.convert(e);
            in.tracebacks.record(p, frame);
            in.releaseFrame(frame);
            return new Object[] {ERROR, p};
        } catch (StackOverflowError e) {
            in.releaseFrame(frame);
            return new Object[] {ERROR, in.error("RecursionError", "maximum recursion depth exceeded")};
        }
    }

    /** Called on the generator's thread by a yield: hands value (consumed) out; returns the sent value (new). */
    long yieldValue(long value) {
        return handOut(value, true);
    }

    /** Called on the generator's thread by an await (or yield from): passes a value the awaited object yielded. */
    long yieldAwaited(long value) {
        return handOut(value, false);
    }

    private long handOut(long value, boolean own) {
        try {
            Object[] msg = transport.yield(new Object[] {YIELD, value, own});
            if (CLOSE.equals(msg[0])) {
                throw new PyRaise(in.instantiateException(in.exceptions.get("GeneratorExit"), new long[0]));
            }
            if (THROW.equals(msg[0])) {
                throw (PyRaise) msg[1];
            }
            return in.incref((Long) msg[1]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw in.error("SystemError", "interrupted generator");
        }
    }
}
