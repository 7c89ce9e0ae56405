package org.pymemlab.frontend.ast;

import java.util.Arrays;

/** The value of a bytes literal: an immutable byte array with value equality. */
public final class PyBytes {
    private final byte[] data;

    /** Wraps a copy of {@code data}. */
    public PyBytes(byte[] data) {
        this.data = data.clone();
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Number of bytes. */
    public int length() {
        return data.length;
    }

    /** The byte at {@code i}, 0..255. */
    public int get(int i) {
        return data[i] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return AstDump.bytesRepr(this);
    }
}
