package org.pymemlab.runtime.debugmalloc;

import java.util.HexFormat;

/**
 * A memory error found by {@link DebugAllocator}: what went wrong, at which block, and the bytes found
 * there. The allocator's state is still consistent when this is thrown (the block involved stays as it
 * was: a block with a bad guard is not freed), so a test can catch it and go on.
 */
public final class DebugAllocatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of error the debug allocator recognises. */
    public enum Problem {
        /** Bytes after the end of the block were written: its trailing guard bytes changed. */
        BUFFER_OVERRUN("buffer overrun"),
        /** Bytes before the start of the block were written: its header or leading guard bytes changed. */
        BUFFER_UNDERRUN("buffer underrun"),
        /** {@code free} of a block already freed (in quarantine, or recently returned to the wrapped allocator). */
        DOUBLE_FREE("double free"),
        /** {@code realloc} or {@code usableSize} of a block already freed. */
        USE_AFTER_FREE("use after free"),
        /** A freed block was written while in quarantine: its 0xDD fill changed. */
        WRITE_AFTER_FREE("write after free"),
        /** An address this allocator never returned (or not the start of a block). */
        FOREIGN_POINTER("foreign pointer"),
        /** A block freed or resized through another domain than the one that allocated it. */
        WRONG_DOMAIN("wrong domain");

        private final String text;

        Problem(String text) {
            this.text = text;
        }

        /** The words used in messages, e.g. "buffer overrun". */
        public String text() {
            return text;
        }
    }

    private final Problem problem;
    private final long address;
    private final long size;
    private final byte[] found;

    DebugAllocatorException(Problem problem, long address, long size, byte[] found, String detail) {
        super(problem.text() + " at 0x" + Long.toHexString(address) + (size >= 0 ? " (" + size + " bytes)" : "")
                + ": " + detail + (found.length > 0 ? "; found " + hex(found) : ""));
        this.problem = problem;
        this.address = address;
        this.size = size;
        this.found = found.clone();
    }

    public Problem problem() {
        return problem;
    }

    /** The block's address as the caller knows it (what malloc returned, or what was passed in). */
    public long address() {
        return address;
    }

    /** The size the block was requested with, or -1 when the address is not a block of this allocator. */
    public long size() {
        return size;
    }

    /** The bytes found where the error was seen (guard bytes, or freed bytes), empty when none were read. */
    public byte[] found() {
        return found.clone();
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
