package org.pymemlab.runtime.hash;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import org.pymemlab.api.memory.NativeMemory;

/**
 * {@code hash()} as CPython 3.11–3.13 computes it on 64-bit platforms.
 *
 * <p>Instances are keyed by a {@link HashSecret} and hash str and bytes with SipHash-1-3 (which is why
 * {@code PYTHONHASHSEED} changes their hashes). The numeric, identity, tuple and frozenset hashes do not
 * depend on the key and are static. The {@code long} and {@code double} paths and the tuple and
 * frozenset accumulators work on primitives and allocate nothing.
 *
 * <p>Like CPython, no method returns {@code -1} (the C API's error value); where CPython maps it to
 * {@code -2} (or, for tuples, to {@code 1546275796}; for frozensets, {@code 590923713}) so does this.
 * Thread-safe: instances are immutable.
 */
public final class PyHash {

    /** {@code _PyHASH_BITS}: numeric hashes reduce modulo 2^61 − 1 on 64-bit platforms. */
    public static final int MODULUS_BITS = 61;
    /** {@code _PyHASH_MODULUS}, the prime 2^61 − 1 ({@code sys.hash_info.modulus}). */
    public static final long MODULUS = (1L << MODULUS_BITS) - 1;
    /** {@code _PyHASH_INF}: the hash of {@code float('inf')}; {@code -inf} hashes to its negation. */
    public static final long INF = 314159;

    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

    /** {@code PyLong_SHIFT}: bits per digit of CPython's int on 64-bit builds. */
    private static final int DIGIT_BITS = 30;

    // Objects/tupleobject.c: the 64-bit xxHash primes of tuplehash (3.8+).
    private static final long XXPRIME_1 = 0x9E3779B185EBCA87L; // 11400714785074694791
    private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL; // 14029467366897019727
    private static final long XXPRIME_5 = 0x27D4EB2F165667C5L; // 2870177450012600261

    private final HashSecret secret;

    /** Hashes str and bytes under {@code secret}. */
    public PyHash(HashSecret secret) {
        this.secret = requireNonNull(secret, "secret is null");
    }

    /** The key this instance hashes str and bytes with. */
    public HashSecret secret() {
        return secret;
    }

    // ---- keyed: str and bytes (Python/pyhash.c _Py_HashBytes) ----

    /** Raw SipHash-1-3 of {@code length} bytes at {@code address} under this key (no special cases). */
    public long siphash13(long address, long length) {
        return SipHash13.hash(secret.k0(), secret.k1(), address, length);
    }

    /** Raw SipHash-1-3 of {@code data} under this key (no special cases). */
    public long siphash13(byte[] data) {
        return SipHash13.hash(secret.k0(), secret.k1(), data, 0, data.length);
    }

    /**
     * {@code _Py_HashBytes}: the hash of {@code length} bytes at {@code address}, as {@code hash(b'...')}
     * gives for a bytes object with that content. Empty input hashes to 0 (CPython does this to avoid
     * leaking {@code prefix ^ suffix} of the secret); {@code Py_HASH_CUTOFF} is 0, so no small-input
     * DJBX33A path.
     */
    public long bytesHash(long address, long length) {
        return length == 0 ? 0 : notMinusOne(siphash13(address, length));
    }

    /** {@code hash(bytes(value))}. */
    public long bytesHash(byte[] value) {
        return value.length == 0 ? 0 : notMinusOne(siphash13(value));
    }

    /**
     * {@code hash(str)} from a str object's data: {@code length} code points of {@code kind} bytes each
     * (1, 2 or 4; see {@link UnicodeKind}) at {@code data}. CPython's {@code unicode_hash} hashes exactly
     * these {@code length * kind} bytes.
     */
    public long strHash(long data, long length, int kind) {
        if (kind != UnicodeKind.ONE_BYTE && kind != UnicodeKind.TWO_BYTE && kind != UnicodeKind.FOUR_BYTE) {
            throw new IllegalArgumentException("kind " + kind + " is not 1, 2 or 4");
        }
        return bytesHash(data, Math.multiplyExact(length, kind));
    }

    /**
     * {@code hash(str)} of a Java string: its code points laid out in the kind CPython would choose, then
     * hashed as {@link #strHash(long, long, int)} would. Allocates the canonical bytes.
     */
    public long strHash(String value) {
        return bytesHash(UnicodeKind.canonicalBytes(value));
    }

    // ---- numbers (Objects/longobject.c long_hash, Python/pyhash.c _Py_HashDouble) ----

    /**
     * {@code hash(int)}: {@code sign(v) * (|v| mod (2^61 − 1))}, with −1 mapped to −2. So small ints hash
     * to themselves, {@code hash(-1) == -2} and {@code hash(2**61 - 1) == 0}.
     */
    public static long intHash(long value) {
        // |Long.MIN_VALUE| is 2^63, which is exactly what the unsigned reading of -Long.MIN_VALUE holds.
        long magnitude = value < 0 ? -value : value;
        long reduced = reduceUnsigned(magnitude);
        return notMinusOne(value < 0 ? -reduced : reduced);
    }

    /** {@code hash(int)} for any size of int. */
    public static long intHash(BigInteger value) {
        requireNonNull(value, "value is null");
        if (value.bitLength() < Long.SIZE) {
            return intHash(value.longValue());
        }
        long reduced = value.abs().mod(BIG_MODULUS).longValue();
        return notMinusOne(value.signum() < 0 ? -reduced : reduced);
    }

    /**
     * {@code long_hash} over an int object's digits as CPython stores them: {@code ndigits} 30-bit digits,
     * each in a 32-bit word in native order, least significant first, at {@code digits}. Folds from the
     * most significant digit: rotate the 61-bit accumulator left by 30 and add the digit, modulo 2^61 − 1.
     *
     * @param negative the sign (CPython 3.11: the sign of {@code ob_size}; 3.12+: the sign bits of {@code lv_tag})
     */
    public static long intHashOfDigits(long digits, int ndigits, boolean negative) {
        if (ndigits < 0) {
            throw new IllegalArgumentException("ndigits " + ndigits + " < 0");
        }
        long x = 0;
        for (int i = ndigits - 1; i >= 0; i--) {
            x = ((x << DIGIT_BITS) & MODULUS) | (x >>> (MODULUS_BITS - DIGIT_BITS));
            x += NativeMemory.getInt(digits + 4L * i) & 0xFFFF_FFFFL;
            if (x >= MODULUS) {
                x -= MODULUS;
            }
        }
        return notMinusOne(negative ? -x : x);
    }

    /**
     * {@code hash(float)}, {@code _Py_HashDouble}: a float equal to an int hashes like that int, and in
     * general {@code sign(v) * reduce(|v|)} where {@code reduce} is the value modulo 2^61 − 1 (a finite
     * double is {@code m * 2^e}, and 2^e modulo 2^61 − 1 is a 61-bit rotation). Infinities hash to
     * ±{@link #INF}. A NaN hashes by identity since 3.10 ({@code _Py_HashPointer(inst)}): that is the only
     * use of {@code objectAddress}, the float object's address.
     */
    public static long floatHash(double value, long objectAddress) {
        if (Double.isNaN(value)) {
            return pointerHash(objectAddress);
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? INF : -INF;
        }
        long bits = Double.doubleToRawLongBits(value);
        int biasedExponent = (int) ((bits >>> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        int exponent;
        if (biasedExponent == 0) {
            exponent = -1074;             // subnormal: mantissa * 2^-1074
        } else {
            mantissa |= 1L << 52;         // normal: the implicit leading bit
            exponent = biasedExponent - 1075;
        }
        // mantissa < 2^53 < MODULUS, so it is already reduced; multiply by 2^exponent modulo 2^61 - 1.
        long x = rotate61(mantissa, Math.floorMod(exponent, MODULUS_BITS));
        return notMinusOne(bits < 0 ? -x : x);
    }

    /** {@code _Py_HashPointer}: the address rotated right by 4 bits (its low bits are mostly zero). */
    public static long pointerHash(long address) {
        return notMinusOne(Long.rotateRight(address, 4));
    }

    // ---- containers (Objects/tupleobject.c tuplehash, Objects/setobject.c frozenset_hash) ----

    /** The accumulator a tuple hash starts from; feed items with {@link #tupleHashAdd}. */
    public static long tupleHashStart() {
        return XXPRIME_5;
    }

    /** Folds one item's hash into a tuple hash accumulator (xxHash's round, as tuplehash does since 3.8). */
    public static long tupleHashAdd(long accumulator, long itemHash) {
        long acc = accumulator + itemHash * XXPRIME_2;
        acc = Long.rotateLeft(acc, 31);
        return acc * XXPRIME_1;
    }

    /** The tuple hash once all {@code length} items have been added. */
    public static long tupleHashFinish(long accumulator, long length) {
        // "Add input length, mangled to keep the historical value of hash(())."
        long acc = accumulator + (length ^ (XXPRIME_5 ^ 3527539L));
        return acc == -1 ? 1546275796L : acc;
    }

    /** {@code hash(tuple)} from its items' hashes, in order. */
    public static long tupleHash(long... itemHashes) {
        long acc = tupleHashStart();
        for (long itemHash : itemHashes) {
            acc = tupleHashAdd(acc, itemHash);
        }
        return tupleHashFinish(acc, itemHashes.length);
    }

    /** The accumulator a frozenset hash starts from; feed items with {@link #frozensetHashAdd}. */
    public static long frozensetHashStart() {
        return 0;
    }

    /**
     * Folds one item's hash into a frozenset hash accumulator, in any order. CPython xors over every table
     * slot and then cancels the empty and dummy slots; what remains is this xor over the items.
     */
    public static long frozensetHashAdd(long accumulator, long itemHash) {
        return accumulator ^ shuffleBits(itemHash);
    }

    /** The frozenset hash once all {@code size} items have been added. */
    public static long frozensetHashFinish(long accumulator, long size) {
        long hash = accumulator ^ ((size + 1) * 1927868237L);
        hash ^= (hash >>> 11) ^ (hash >>> 25);
        hash = hash * 69069L + 907133923L;
        return hash == -1 ? 590923713L : hash;
    }

    /** {@code hash(frozenset)} from its items' hashes, in any order (the items must be distinct). */
    public static long frozensetHash(long... itemHashes) {
        long acc = frozensetHashStart();
        for (long itemHash : itemHashes) {
            acc = frozensetHashAdd(acc, itemHash);
        }
        return frozensetHashFinish(acc, itemHashes.length);
    }

    // ---- helpers ----

    /** setobject.c {@code _shuffle_bits}: spreads the bits of nearby hashes. */
    private static long shuffleBits(long h) {
        return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
    }

    /** An unsigned 64-bit value modulo 2^61 − 1, using 2^61 ≡ 1. */
    private static long reduceUnsigned(long value) {
        long x = (value & MODULUS) + (value >>> MODULUS_BITS);
        return x >= MODULUS ? x - MODULUS : x;
    }

    /** {@code x * 2^shift} modulo 2^61 − 1 for {@code 0 <= x < 2^61}, {@code 0 <= shift < 61}. */
    private static long rotate61(long x, int shift) {
        return ((x << shift) & MODULUS) | (x >>> (MODULUS_BITS - shift));
    }

    /** {@code -1} is the C API's error value: CPython's hash functions return {@code -2} instead. */
    private static long notMinusOne(long hash) {
        return hash == -1 ? -2 : hash;
    }
}
