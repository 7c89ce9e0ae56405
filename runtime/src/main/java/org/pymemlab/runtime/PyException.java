package org.pymemlab.runtime;

import static java.util.Objects.requireNonNull;

/** A Python exception raised by the runtime ({@code TypeError}, {@code MemoryError} …). */
public class PyException extends RuntimeException {

    private final String pythonType;

    public PyException(String pythonType, String message) {
        super(requireNonNull(pythonType, "pythonType is null") + ": " + message);
        this.pythonType = pythonType;
    }

    /** The Python exception class name, e.g. {@code "MemoryError"}. */
    public String pythonType() {
        return pythonType;
    }

    public static PyException typeError(String message) {
        return new PyException("TypeError", message);
    }

    public static PyException indexError(String message) {
        return new PyException("IndexError", message);
    }

    public static PyException memoryError(long requested) {
        return new PyException("MemoryError", "could not allocate " + requested + " bytes");
    }
}
