package org.pymemlab.runtime.hash;

import static java.util.Objects.requireNonNull;

/**
 * The storage kind of a compact CPython str (PEP 393): how many bytes each code point takes, chosen by
 * the largest code point. ASCII (max &lt; 128) and latin-1 (max &lt; 256) both store one byte per code
 * point; then two bytes (UCS-2, max &lt; 65536) and four (UCS-4). The str hash runs over these bytes.
 *
 * <p>A Java string is read by code point: a valid surrogate pair is one code point (CPython's
 * {@code '\U0001f600'}), an unpaired surrogate is a code point of its own ({@code '\ud800'}). A Python
 * str holding a high and a low surrogate as two code points cannot be told apart from the pair in Java.
 */
public final class UnicodeKind {

    /** {@code PyUnicode_1BYTE_KIND}: ASCII and latin-1. */
    public static final int ONE_BYTE = 1;
    /** {@code PyUnicode_2BYTE_KIND}: UCS-2. */
    public static final int TWO_BYTE = 2;
    /** {@code PyUnicode_4BYTE_KIND}: UCS-4. */
    public static final int FOUR_BYTE = 4;

    private UnicodeKind() {
    }

    /** The kind CPython gives a str holding {@code value}'s code points (1 for the empty string). */
    public static int of(String value) {
        requireNonNull(value, "value is null");
        int max = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            max = Math.max(max, codePoint);
            i += Character.charCount(codePoint);
        }
        return ofMaxCodePoint(max);
    }

    /** The kind for a str whose largest code point is {@code maxCodePoint}. */
    public static int ofMaxCodePoint(int maxCodePoint) {
        if (maxCodePoint < 0 || maxCodePoint > Character.MAX_CODE_POINT) {
            throw new IllegalArgumentException("code point " + maxCodePoint + " out of range");
        }
        return maxCodePoint < 0x100 ? ONE_BYTE : maxCodePoint < 0x10000 ? TWO_BYTE : FOUR_BYTE;
    }

    /**
     * The bytes CPython stores for {@code value} (without the terminating NUL): each code point in
     * {@code kind} bytes, little-endian as on x86-64, so that they hash the same as the str's data.
     */
    public static byte[] canonicalBytes(String value, int kind) {
        requireNonNull(value, "value is null");
        if (kind != ONE_BYTE && kind != TWO_BYTE && kind != FOUR_BYTE) {
            throw new IllegalArgumentException("kind " + kind + " is not 1, 2 or 4");
        }
        byte[] bytes = new byte[value.codePointCount(0, value.length()) * kind];
        int at = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (ofMaxCodePoint(codePoint) > kind) {
                throw new IllegalArgumentException("code point " + codePoint + " does not fit kind " + kind);
            }
            for (int b = 0; b < kind; b++) {
                bytes[at++] = (byte) (codePoint >>> (8 * b));
            }
        }
        return bytes;
    }

    /** {@link #canonicalBytes(String, int)} in the kind CPython would choose. */
    public static byte[] canonicalBytes(String value) {
        return canonicalBytes(value, of(value));
    }
}
