package org.pymemlab.runtime.hash;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The SipHash key of one runtime: CPython's {@code _Py_HashSecret.siphash} ({@code k0}, {@code k1}).
 *
 * <p>CPython fills its 24-byte {@code _Py_HashSecret} once at start-up ({@code Python/bootstrap_hash.c},
 * {@code _Py_HashRandomization_Init}): {@code PYTHONHASHSEED=0} zeroes it, which disables randomization;
 * {@code PYTHONHASHSEED=N} fills it from the linear congruential generator {@code lcg_urandom(N)}; no seed
 * reads the OS's random source. SipHash reads its key as two little-endian words from bytes 0–7 and 8–15;
 * bytes 16–23 (the DJBX33A suffix and the expat salt) play no part in {@code hash()} on 64-bit builds.
 *
 * @param k0 the first key word, {@code _le64toh(_Py_HashSecret.siphash.k0)}
 * @param k1 the second key word
 */
public record HashSecret(long k0, long k1) {

    /** The key of {@code PYTHONHASHSEED=0}: all zero, randomization disabled. */
    public static final HashSecret ZERO = new HashSecret(0, 0);

    /** The largest seed {@code PYTHONHASHSEED} accepts. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    /** How many bytes CPython's {@code _Py_HashSecret_t} has, all filled by {@code lcg_urandom}. */
    private static final int SECRET_SIZE = 24;

    /**
     * The key CPython derives from {@code PYTHONHASHSEED=seed}.
     *
     * @param seed 0 to {@value #MAX_SEED}; 0 gives {@link #ZERO}
     * @throws IllegalArgumentException when the seed is out of that range (CPython refuses to start)
     */
    public static HashSecret fromSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException(
                    "hash seed " + seed + " is not an integer in range [0; " + MAX_SEED + "]");
        }
        if (seed == 0) {
            return ZERO;
        }
        byte[] secret = lcgBytes((int) seed, SECRET_SIZE);
        return new HashSecret(littleEndianLong(secret, 0), littleEndianLong(secret, 8));
    }

    /** A random key, as CPython makes when {@code PYTHONHASHSEED} is unset or {@code random}. */
    public static HashSecret random() {
        return random(new SecureRandom());
    }

    /** A key drawn from {@code random}. */
    public static HashSecret random(RandomGenerator random) {
        requireNonNull(random, "random is null");
        return new HashSecret(random.nextLong(), random.nextLong());
    }

    /**
     * bootstrap_hash.c {@code lcg_urandom}: x = x * 214013 + 2531011 modulo 2^32, and each byte is bits
     * 23..16 of x. Java's int arithmetic wraps exactly like C's {@code unsigned int}.
     */
    private static byte[] lcgBytes(int x0, int size) {
        byte[] buffer = new byte[size];
        int x = x0;
        for (int i = 0; i < size; i++) {
            x = x * 214013 + 2531011;
            buffer[i] = (byte) (x >>> 16);
        }
        return buffer;
    }

    private static long littleEndianLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }
}
