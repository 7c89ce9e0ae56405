package org.pymemlab.frontend.interp;

import java.util.concurrent.SynchronousQueue;

/**
 * How a generator's body and its caller hand control to each other: messages ({@code Object[]}) passed at each
 * resume and each yield, only one side running at a time.
 */
abstract class GeneratorTransport {

    /** Whether {@code java.base} exports {@code jdk.internal.vm} to the interpreter (continuations usable). */
    private static final boolean CONTINUATIONS =
            Object.class.getModule().isExported("jdk.internal.vm", GeneratorTransport.class.getModule());

    /** A transport for a generator whose body is {@code body}: continuations when exported, else a thread. */
    static GeneratorTransport create(Runnable body) {
        return CONTINUATIONS ? new ContinuationGeneratorTransport(body) : new Threaded(body);
    }

    /** From the caller: hands {@code msg} to the body (starting it the first time); returns the body's reply. */
    abstract Object[] resume(Object[] msg) throws InterruptedException;

    /** From the body, once, at its start: the first message. */
    abstract Object[] firstMessage() throws InterruptedException;

    /** From the body at a yield: hands {@code reply} out; returns the next message. */
    abstract Object[] yield(Object[] reply) throws InterruptedException;

    /** From the body, once, at its end: its last reply. */
    abstract void finish(Object[] reply) throws InterruptedException;

    /** The body on a virtual thread of its own, handing over through two rendezvous queues. */
    private static final class Threaded extends GeneratorTransport {
        private final SynchronousQueue<Object[]> toBody = new SynchronousQueue<>();
        private final SynchronousQueue<Object[]> toCaller = new SynchronousQueue<>();
        private final Runnable body;
        private boolean started;

        Threaded(Runnable body) {
            this.body = body;
        }

        @Override
        Object[] resume(Object[] msg) throws InterruptedException {
            if (!started) {
                started = true;
                Thread.ofVirtual().name("pymem-generator").start(body);
            }
            toBody.put(msg);
            return toCaller.take();
        }

        @Override
        Object[] firstMessage() throws InterruptedException {
            return toBody.take();
        }

        @Override
        Object[] yield(Object[] reply) throws InterruptedException {
            toCaller.put(reply);
            return toBody.take();
        }

        @Override
        void finish(Object[] reply) throws InterruptedException {
            toCaller.put(reply);
        }
    }
}
