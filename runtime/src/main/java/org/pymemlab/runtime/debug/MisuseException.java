package org.pymemlab.runtime.debug;

/**
 * A misuse of the Java API found by the runtime's checks ({@code pymem.debug.checks = true}): an address that is
 * not a live object of the heap, a decref below zero. The message names the address and, where known, the type.
 */
public class MisuseException extends IllegalStateException {

    public MisuseException(String message) {
        super(message);
    }
}
