package org.pymemlab.frontend.interp;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * A generator's body as a JDK continuation on the caller's own thread: a resume mounts it until its next yield,
 * with no thread switch (a virtual thread's handover costs microseconds, a continuation's well under one).
 * Loaded only when {@code jdk.internal.vm} is exported to the interpreter.
 */
final class ContinuationGeneratorTransport extends GeneratorTransport {

    private static final ContinuationScope SCOPE = new ContinuationScope("pymem-generator");

    private final Continuation continuation;
    private Object[] inbox;
    private Object[] outbox;

    ContinuationGeneratorTransport(Runnable body) {
        continuation = new Continuation(SCOPE, body);
    }

    @Override
    Object[] resume(Object[] msg) {
        inbox = msg;
        outbox = null;
        continuation.run();
        Object[] reply = outbox;
        outbox = null;
        return reply;
    }

    @Override
    Object[] firstMessage() {
        return take();
    }

    @Override
    Object[] yield(Object[] reply) {
        outbox = reply;
        Continuation.yield(SCOPE);
        return take();
    }

    @Override
    void finish(Object[] reply) {
        outbox = reply;
    }

    private Object[] take() {
        Object[] msg = inbox;
        inbox = null;
        return msg;
    }
}
