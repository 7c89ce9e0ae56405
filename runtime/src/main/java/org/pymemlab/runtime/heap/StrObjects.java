package org.pymemlab.runtime.heap;

import static org.pymemlab.api.memory.NativeMemory.getByte;
import static org.pymemlab.api.memory.NativeMemory.getInt;
import static org.pymemlab.api.memory.NativeMemory.getLong;
import static org.pymemlab.api.memory.NativeMemory.getShort;
import static org.pymemlab.api.memory.NativeMemory.putByte;
import static org.pymemlab.api.memory.NativeMemory.putInt;
import static org.pymemlab.api.memory.NativeMemory.putLong;
import static org.pymemlab.api.memory.NativeMemory.putShort;

/**
 * str: CPython's compact unicode objects (PEP 393). A pure-ASCII string is a {@code PyASCIIObject}
 * followed by its characters; any other is a {@code PyCompactUnicodeObject} followed by characters of
 * 1 (latin-1), 2 (UCS-2) or 4 (UCS-4) bytes, the narrowest that holds every code point; both end with a
 * NUL character. Fields after ob_type: {@code length}, {@code hash} (−1 until computed) and {@code state}
 * (bits: interned 0–1, kind 2–4, compact 5, ascii 6).
 */
final class StrObjects {

    private static final int LENGTH = 16;
    private static final int HASH = 24;
    private static final int STATE = 32;
    private static final int COMPACT = 1 << 5;
    private static final int ASCII = 1 << 6;
    /** The interned bits of {@code state}: CPython's SSTATE_INTERNED_MORTAL. */
    private static final int INTERNED_MASK = 3;
    private static final int INTERNED_MORTAL = 1;
    private static final int INTERNED_IMMORTAL = 2;

    private final Heap heap;

    StrObjects(Heap heap) {
        this.heap = heap;
    }

    long newStr(String value) {
        long cached = heap.interner.cachedString(value);
        if (cached != 0) {
            heap.incref(cached);
            return cached;
        }
        return create(value);
    }

    /** A fresh str object, bypassing the interning policy. */
    long create(String value) {
        int[] codePoints = value.codePoints().toArray();
        int max = 0;
        for (int cp : codePoints) {
            max = Math.max(max, cp);
        }
        boolean ascii = max < 0x80;
        int kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
        int n = codePoints.length;
        long header = ascii ? heap.layout.strAsciiHeader() : heap.layout.strCompactHeader();
        long op = heap.allocObject(heap.builtins.str, header + (long) (n + 1) * kind);
        putLong(op + LENGTH, n);
        putLong(op + HASH, -1);
        putInt(op + STATE, (kind << 2) | (1 << 5) | (ascii ? 1 << 6 : 0));
        long data = op + header;
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 1 -> putByte(data + i, (byte) codePoints[i]);
                case 2 -> putShort(data + 2L * i, (short) codePoints[i]);
                default -> putInt(data + 4L * i, codePoints[i]);
            }
        }
        return op;
    }

    long length(long op) {
        return getLong(op + LENGTH);
    }

    int kind(long op) {
        return (getInt(op + STATE) >>> 2) & 7;
    }

    boolean isAscii(long op) {
        return (getInt(op + STATE) & (1 << 6)) != 0;
    }

    long data(long op) {
        int state = getInt(op + STATE);
        if ((state & COMPACT) == 0) {
            return getLong(op + heap.layout.strCompactHeader()); // a subclass's PyUnicodeObject: data.any
        }
        return op + ((state & ASCII) != 0 ? heap.layout.strAsciiHeader() : heap.layout.strCompactHeader());
    }

    /**
     * An instance of a str subclass holding a copy of {@code source} (borrowed), as unicode_subtype_new makes it:
     * a non-compact {@code PyUnicodeObject} whose characters (and NUL) are a block of their own; an ASCII
     * string's UTF-8 form is that same block. The cached hash is copied.
     */
    long newSubtypeInstance(PyType type, long source) {
        long n = length(source);
        int kind = kind(source);
        boolean ascii = isAscii(source);
        long bytes = (n + 1) * kind;
        long buffer = heap.malloc(org.pymemlab.api.allocator.MemoryDomain.OBJECT, bytes);
        org.pymemlab.api.memory.NativeMemory.copy(data(source), buffer, bytes);
        long op;
        try {
            op = heap.allocObject(type, type.basicsize);
        } catch (RuntimeException e) {
            heap.free(org.pymemlab.api.allocator.MemoryDomain.OBJECT, buffer); // MemoryError
            throw e;
        }
        putLong(op + LENGTH, n);
        putLong(op + HASH, getLong(source + HASH));
        putInt(op + STATE, (kind << 2) | (ascii ? ASCII : 0));
        if (ascii) {
            putLong(utf8Field(op) - 8, n);
            putLong(utf8Field(op), buffer);
        }
        putLong(op + heap.layout.strCompactHeader(), buffer);
        return op;
    }

    /** Frees a dying str subclass instance's character block (the caller frees the object). */
    void releaseData(long op) {
        heap.free(org.pymemlab.api.allocator.MemoryDomain.OBJECT, data(op));
    }

    String value(long op) {
        return substring(op, 0, length(op));
    }

    /** The code points [start, end) as Java text, read from the data alone (no whole-string copy). */
    String substring(long op, long start, long end) {
        int kind = kind(op);
        long data = data(op);
        StringBuilder sb = new StringBuilder((int) (end - start));
        for (long i = start; i < end; i++) {
            sb.appendCodePoint(codePointAt(data, kind, i));
        }
        return sb.toString();
    }

    /** The code point at index i (within the length): a read of the data at the str's width. */
    int codePointAt(long op, long i) {
        return codePointAt(data(op), kind(op), i);
    }

    private static int codePointAt(long data, int kind, long i) {
        return switch (kind) {
            case 1 -> getByte(data + i) & 0xFF;
            case 2 -> getShort(data + 2L * i) & 0xFFFF;
            default -> getInt(data + 4L * i);
        };
    }

    /** The cached hash, computed on first use (SipHash over the character data, as CPython). */
    long hash(long op) {
        long h = getLong(op + HASH);
        if (h == -1) {
            h = heap.hashing.strHash(data(op), length(op), kind(op));
            putLong(op + HASH, h);
        }
        return h;
    }

    boolean equal(long a, long b) {
        if (a == b) {
            return true;
        }
        long n = length(a);
        if (n != length(b) || kind(a) != kind(b)) {
            return false;
        }
        long ha = getLong(a + HASH);
        long hb = getLong(b + HASH);
        if (ha != -1 && hb != -1 && ha != hb) {
            return false;
        }
        long bytes = n * kind(a);
        return org.pymemlab.api.memory.NativeMemory.segment(data(a), bytes)
                .mismatch(org.pymemlab.api.memory.NativeMemory.segment(data(b), bytes)) == -1;
    }

    long sizeOf(long op) {
        boolean ascii = isAscii(op);
        if ((getInt(op + STATE) & COMPACT) == 0) {
            // unicode_sizeof of a subclass's object: PyUnicodeObject and its characters (the runtime never gives
            // it a UTF-8 form apart from an ASCII string's shared one)
            return heap.layout.strCompactHeader() + 8 + (length(op) + 1) * kind(op);
        }
        long header = ascii ? heap.layout.strAsciiHeader() : heap.layout.strCompactHeader();
        long size = header + (length(op) + 1) * kind(op);
        if (!ascii && getLong(utf8Field(op)) != 0) {
            size += getLong(utf8Field(op) - 8) + 1; // unicode_sizeof counts a cached UTF-8 form
        }
        return size;
    }

    /** PyCompactUnicodeObject.utf8: the last word of the compact header (3.11 adds wstr_length after it). */
    private long utf8Field(long op) {
        return op + heap.layout.strAsciiHeader() + 8;
    }

    /**
     * A static one-character latin-1 string as CPython 3.12+ builds it: with its UTF-8 form cached in static
     * memory. Used for the interning policy's caches.
     */
    void cacheUtf8(long op) {
        String value = value(op);
        if (isAscii(op) || !heap.profile.latin1CharUtf8() || value.length() != 1) {
            return;
        }
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long buffer = heap.allocateStatic(utf8.length + 1L);
        for (int i = 0; i < utf8.length; i++) {
            putByte(buffer + i, utf8[i]);
        }
        putLong(utf8Field(op) - 8, utf8.length);
        putLong(utf8Field(op), buffer);
    }

    /** Marks an exact str as interned but mortal: the interner's reference is not counted (see {@link #dealloc}). */
    void markInternedMortal(long op) {
        if (heap.typeOf(op) != heap.builtins.str) {
            throw new IllegalArgumentException("only an exact str can be interned, not " + heap.typeOf(op).name);
        }
        putInt(op + STATE, (getInt(op + STATE) & ~INTERNED_MASK) | INTERNED_MORTAL);
    }

    /** SSTATE_INTERNED_IMMORTAL: no longer mortal, so never forgotten by the interner. */
    void markInternedImmortal(long op) {
        putInt(op + STATE, (getInt(op + STATE) & ~INTERNED_MASK) | INTERNED_IMMORTAL);
    }

    boolean isInternedMortal(long op) {
        return (getInt(op + STATE) & INTERNED_MASK) == INTERNED_MORTAL;
    }

    /** unicode_dealloc: a mortal interned string leaves the interner's table before it is freed. */
    void dealloc(long op, PyType type) {
        if (isInternedMortal(op)) {
            heap.interner.forget(op);
        }
        heap.freeObject(op, type);
    }
}
