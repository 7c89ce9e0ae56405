package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_ITER;

/**
 * Async generators (an {@code async def} with {@code yield}) and the awaitables their methods return
 * (genobject.c): {@code __anext__()} and {@code asend(v)} make an async_generator_asend, {@code athrow(exc)} and
 * {@code aclose()} an async_generator_athrow. Awaiting one resumes the generator: a value of the body's own
 * yield ends the await with it (StopIteration), a value an await inside the body yields passes out to the
 * event loop, and the body's end is StopAsyncIteration. Each awaitable holds its generator (slot 0) and, for
 * asend, the value to send (slot 1); its state is the Java object in its payload.
 */
final class AsyncGenerators {

    private AsyncGenerators() {
    }

    /** The generator behind an async generator object, or null for any other object. */
    static Generator of(Interp in, long obj) {
        return in.kind(obj) == K_ITER && in.os.payload(obj) instanceof Generator g
                && g.kind() == Generator.Kind.ASYNC_GENERATOR ? g : null;
    }

    /** An async generator's methods; 0 for another name. New reference. */
    static long attribute(Interp in, long agen, String name) {
        return switch (name) {
            case "__aiter__" -> in.newBuiltin(name, agen, (i, self, a, kw) -> {
                noArguments(i, name, a);
                return i.incref(self);
            });
            case "__anext__" -> in.newBuiltin(name, agen, (i, self, a, kw) -> {
                noArguments(i, name, a);
                return asend(i, self, i.none);
            });
            case "asend" -> in.newBuiltin(name, agen, (i, self, a, kw) -> {
                if (a.length != 1) {
                    throw i.typeError("async_generator.asend() takes exactly one argument (" + a.length + " given)");
                }
                return asend(i, self, a[0]);
            });
            case "athrow" -> in.newBuiltin(name, agen, (i, self, a, kw) -> {
                if (a.length != 1) { // the (type, value, traceback) form is deprecated, and not run here
                    throw i.typeError(a.length == 0 ? "athrow expected at least 1 argument, got 0"
                            : "athrow() with more than one argument is not supported by PyMem Lab's frontend");
                }
                return athrow(i, self, new PyRaise(i.asException(i.incref(a[0]))));
            });
            case "aclose" -> in.newBuiltin(name, agen, (i, self, a, kw) -> {
                noArguments(i, name, a);
                return athrow(i, self, null);
            });
            default -> 0;
        };
    }

    private static void noArguments(Interp in, String name, long[] a) {
        if (a.length != 0) {
            throw in.typeError("async_generator." + name + "() takes no arguments (" + a.length + " given)");
        }
    }

    /** {@code agen.asend(value)} (and __anext__ with None). New reference. */
    static long asend(Interp in, long agen, long value) {
        long obj = in.os.newHostObject(in.iterTypes.get("async_generator_asend"));
        in.os.setHostSlot(obj, 0, agen);
        in.os.setHostSlot(obj, 1, value);
        in.os.setPayload(obj, new Awaitable(in, of(in, agen), null, false));
        return obj;
    }

    /** {@code agen.athrow(exc)}, or {@code aclose()} when exc is null (it throws GeneratorExit). New reference. */
    private static long athrow(Interp in, long agen, PyRaise exc) {
        long obj = in.os.newHostObject(in.iterTypes.get("async_generator_athrow"));
        in.os.setHostSlot(obj, 0, agen);
        in.os.setPayload(obj, new Awaitable(in, of(in, agen), exc, true));
        return obj;
    }

    /** An awaitable's methods (send, throw, close, __await__, __next__); 0 for another name. New reference. */
    static long awaitableAttribute(Interp in, long obj, GeneratorLike aw, String name) {
        return switch (name) {
            case "send" -> in.newBuiltin(name, obj, (i, self, a, kw) -> aw.sendRaising(a[0], self));
            case "throw" -> in.newBuiltin(name, obj, (i, self, a, kw) -> aw.throwInto(new PyRaise(i.asException(i.incref(a[0]))), self));
            case "close" -> in.newBuiltin(name, obj, (i, self, a, kw) -> {
                aw.close();
                return i.none;
            });
            case "__await__" -> in.newBuiltin(name, obj, (i, self, a, kw) -> i.incref(self));
            case "__next__" -> in.newBuiltin(name, obj, (i, self, a, kw) -> aw.sendRaising(i.none, self));
            default -> 0;
        };
    }

    /**
     * async_gen_asend and async_gen_athrow: drive the generator once awaited. The states are CPython's: INIT
     * until the first send, ITER while the generator runs, CLOSED once the await has ended.
     */
    static final class Awaitable implements Interp.JIter, GeneratorLike, org.pymemlab.runtime.ObjectSpace.DeallocListener {
        private static final int INIT = 0;
        private static final int ITER = 1;
        private static final int CLOSED = 2;

        private final Interp in;
        private final Generator gen;
        /** athrow: the exception to throw (owned until thrown), or null for aclose; unused by asend. */
        private PyRaise exc;
        private final boolean athrow;
        /** aclose(): an athrow of GeneratorExit that a yielded value fails and the generator's end completes. */
        private final boolean closing;
        private int state = INIT;

        Awaitable(Interp in, Generator gen, PyRaise exc, boolean athrow) {
            this.in = in;
            this.gen = gen;
            this.exc = exc;
            this.athrow = athrow;
            this.closing = athrow && exc == null;
        }

        @Override
        public void deallocating(long object) {
            release(); // an athrow never awaited still holds its exception
        }

        private String reuse() {
            return athrow ? "cannot reuse already awaited aclose()/athrow()" : "cannot reuse already awaited __anext__()/asend()";
        }

        @Override
        public long next(Interp interp, long self) {
            return sendRaising(in.none, self);
        }

        @Override
        public long sendRaising(long value, long self) {
            if (state == CLOSED) {
                throw in.error("RuntimeError", reuse());
            }
            long agen = in.os.hostSlot(self, 0);
            return athrow ? athrowSend(value, agen) : asendSend(value, self, agen);
        }

        private long asendSend(long value, long self, long agen) {
            if (state == INIT) {
                if (gen.runningAsync) {
                    state = CLOSED;
                    throw in.error("RuntimeError", "anext(): asynchronous generator is already running");
                }
                if (value == in.none) {
                    value = in.os.hostSlot(self, 1);
                }
                state = ITER;
            }
            gen.runningAsync = true;
            long r;
            try {
                r = gen.send(value, agen);
            } catch (PyRaise e) {
                throw ended(e);
            }
            return unwrap(r);
        }

        private long athrowSend(long value, long agen) {
            if (gen.finished() && state == INIT) {
                state = CLOSED;
                release();
                throw in.stopIteration(in.none);
            }
            long r;
            if (state == INIT) {
                if (gen.runningAsync) {
                    state = CLOSED;
                    release();
                    throw in.error("RuntimeError", (exc == null ? "aclose" : "athrow")
                            + "(): asynchronous generator is already running");
                }
                if (gen.closedAsync) {
                    state = CLOSED;
                    release();
                    throw stopAsyncIteration(in);
                }
                if (value != in.none) {
                    throw in.error("RuntimeError", "can't send non-None value to a just-started coroutine");
                }
                state = ITER;
                gen.runningAsync = true;
                PyRaise thrown = exc != null ? exc
                        : new PyRaise(in.instantiateException(in.exceptions.get("GeneratorExit"), new long[0]));
                exc = null;
                if (closing) {
                    gen.closedAsync = true;
                }
                try {
                    r = gen.throwInto(thrown, agen);
                } catch (PyRaise e) {
                    throw ended(e);
                }
            } else {
                try {
                    r = gen.send(value, agen);
                } catch (PyRaise e) {
                    throw ended(e);
                }
            }
            return athrowResult(r);
        }

        /** What athrow's resumption gave: aclose may not see a value yielded, athrow ends with it. */
        private long athrowResult(long r) {
            if (r == 0) {
                return unwrap(0);
            }
            if (!closing || !gen.lastYieldWasValue()) {
                return unwrap(r);
            }
            // aclose(): the generator yielded a value after GeneratorExit
            in.m.decref(r);
            gen.runningAsync = false;
            state = CLOSED;
            throw in.error("RuntimeError", "async generator ignored GeneratorExit");
        }

        /**
         * async_gen_unwrap_value: the generator's return is StopAsyncIteration, its own yield ends the await with
         * the value (StopIteration), an await's value passes on to the awaiter (new reference).
         */
        private long unwrap(long r) {
            if (r == 0) {
                gen.closedAsync = true;
                gen.runningAsync = false;
                state = CLOSED;
                throw stopAsyncIteration(in);
            }
            if (!gen.lastYieldWasValue()) {
                return r;
            }
            gen.runningAsync = false;
            state = CLOSED;
            try {
                throw in.stopIteration(r);
            } finally {
                in.m.decref(r);
            }
        }

        /**
         * The generator raised: StopAsyncIteration and GeneratorExit close it, and end an aclose() as a plain
         * return (StopIteration); any other error passes on.
         */
        private PyRaise ended(PyRaise e) {
            gen.runningAsync = false;
            state = CLOSED;
            boolean stop = in.isInstance(e.exc, "StopAsyncIteration") || in.isInstance(e.exc, "GeneratorExit");
            if (stop) {
                gen.closedAsync = true;
            }
            if (in.isInstance(e.exc, "StopIteration")) {
                // a return inside gen.throw(): an async generator's return is StopAsyncIteration
                in.m.decref(e.exc);
                return stopAsyncIteration(in);
            }
            if (stop && closing) {
                in.m.decref(e.exc);
                return in.stopIteration(in.none);
            }
            return e;
        }

        @Override
        public long throwInto(PyRaise e, long self) {
            if (state == CLOSED) {
                in.m.decref(e.exc);
                throw in.error("RuntimeError", reuse());
            }
            long agen = in.os.hostSlot(self, 0);
            long r;
            try {
                r = gen.throwInto(e, agen);
            } catch (PyRaise raised) {
                throw ended(raised);
            }
            return athrow ? athrowResult(r) : unwrap(r);
        }

        @Override
        public void close() {
            state = CLOSED;
            release();
        }

        private void release() {
            if (exc != null) {
                in.m.decref(exc.exc);
                exc = null;
            }
        }
    }

    /** aiter(x): an async generator itself, else its class's __aiter__(). New reference. */
    static long aiter(Interp in, long obj) {
        if (of(in, obj) != null) {
            return in.incref(obj);
        }
        Interp.PyClass c = in.classOf(obj);
        long fn = c.kind == Interp.K_INSTANCE || c.builtinSubclass ? in.lookup(c, in.internStr("__aiter__")) : 0;
        if (fn == 0) {
            throw in.typeError("'" + c.name + "' object is not an async iterable");
        }
        return in.callMethod(fn, obj);
    }

    /**
     * anext(it[, default]): the iterator's __anext__() awaitable; with a default, an anext_awaitable that ends
     * with the default where that awaitable raises StopAsyncIteration. New reference.
     */
    static long anext(Interp in, long it, long dflt) {
        long awaitable;
        if (of(in, it) != null) {
            awaitable = asend(in, it, in.none);
        } else {
            Interp.PyClass c = in.classOf(it);
            long fn = c.kind == Interp.K_INSTANCE || c.builtinSubclass ? in.lookup(c, in.internStr("__anext__")) : 0;
            if (fn == 0) {
                throw in.typeError("'" + c.name + "' object is not an async iterator");
            }
            awaitable = in.callMethod(fn, it);
        }
        if (dflt == 0) {
            return awaitable;
        }
        long obj = in.os.newHostObject(in.iterTypes.get("anext_awaitable"));
        in.os.setHostSlot(obj, 0, awaitable);
        in.os.setHostSlot(obj, 1, dflt);
        in.m.decref(awaitable);
        in.os.setPayload(obj, new WithDefault(in));
        return obj;
    }

    /** anext_awaitable: drives the awaitable in slot 0; its StopAsyncIteration becomes the default in slot 1. */
    static final class WithDefault implements Interp.JIter, GeneratorLike, org.pymemlab.runtime.ObjectSpace.DeallocListener {
        private final Interp in;
        /** The awaited object's iterator, made at the first send (owned). */
        private long iterator;

        WithDefault(Interp in) {
            this.in = in;
        }

        private GeneratorLike inner(long self) {
            if (iterator == 0) {
                iterator = Compiler.awaitIteratorOf(in, in.os.hostSlot(self, 0));
            }
            return in.os.payload(iterator) instanceof GeneratorLike g ? g : null;
        }

        @Override
        public long next(Interp interp, long self) {
            return sendRaising(in.none, self);
        }

        @Override
        public long sendRaising(long value, long self) {
            try {
                GeneratorLike g = inner(self);
                if (g != null) {
                    return g.sendRaising(value, iterator);
                }
                long x = in.next(iterator);
                if (x == 0) {
                    throw in.stopIteration(in.none);
                }
                return x;
            } catch (PyRaise e) {
                throw withDefault(e, self);
            }
        }

        @Override
        public long throwInto(PyRaise exc, long self) {
            GeneratorLike g = inner(self);
            if (g == null) {
                throw exc;
            }
            try {
                return g.throwInto(exc, iterator);
            } catch (PyRaise e) {
                throw withDefault(e, self);
            }
        }

        private PyRaise withDefault(PyRaise e, long self) {
            if (!in.isInstance(e.exc, "StopAsyncIteration")) {
                return e;
            }
            in.m.decref(e.exc);
            return in.stopIteration(in.os.hostSlot(self, 1));
        }

        @Override
        public void close() {
            GeneratorLike g = iterator == 0 ? null : in.os.payload(iterator) instanceof GeneratorLike x ? x : null;
            if (g != null) {
                g.close();
            }
        }

        @Override
        public void deallocating(long object) {
            if (iterator != 0) {
                long it = iterator;
                iterator = 0;
                in.m.decref(it);
            }
        }
    }

    /** StopAsyncIteration without arguments, as PyErr_SetNone raises it. */
    private static PyRaise stopAsyncIteration(Interp in) {
        return new PyRaise(in.instantiateException(in.exceptions.get("StopAsyncIteration"), new long[0]));
    }

    /** Whether an object is an asend or athrow awaitable (its __await__ is itself). */
    static boolean isAwaitable(Interp in, long obj) {
        return in.kind(obj) == K_ITER && (in.os.payload(obj) instanceof Awaitable || in.os.payload(obj) instanceof WithDefault);
    }
}
