package org.pymemlab.frontend.interp;

import java.math.BigInteger;
import org.pymemlab.api.collector.ObjectKind;

/**
 * {@code _random}: the Mersenne Twister (MT19937) of CPython's _randommodule.c, seeded the same way from an
 * int (its 32-bit words, least significant first, through init_by_array), so a seeded program draws the same
 * numbers as under CPython. The bundled {@code random.py} builds Random's methods on these functions. A
 * generator's state is a small host object with the Java state as its payload.
 */
final class RandomCore {

    private static final int N = 624;
    private static final int M = 397;

    /** One generator's state: 624 words and the position in them. */
    private static final class State {
        final int[] mt = new int[N];
        int index = N + 1;
    }

    private RandomCore() {
    }

    static long create(Interp in) {
        long stateType = in.os.newHostType("_random_state", ObjectKind.OTHER, false, 24, 0);
        long mod = Modules.newModule(in, "_random");
        Modules.fn(in, mod, "new_state", (i, s, a, k) -> {
            long st = i.os.newHostObject(stateType);
            i.os.setPayload(st, new State());
            return st;
        });
        Modules.fn(in, mod, "entropy", (i, s, a, k) ->
                i.newInt(new BigInteger(128, new java.security.SecureRandom()))); // random_seed_urandom's stand-in
        Modules.fn(in, mod, "seed", (i, s, a, k) -> {
            seed(state(i, a[0]), i.m.bigIntValue(a[1]).abs());
            return i.none;
        });
        Modules.fn(in, mod, "random", (i, s, a, k) -> {
            State st = state(i, a[0]);
            long x = (next(st) & 0xFFFFFFFFL) >>> 5;
            long y = (next(st) & 0xFFFFFFFFL) >>> 6;
            return i.m.newFloat((x * 67108864.0 + y) * (1.0 / 9007199254740992.0));
        });
        Modules.fn(in, mod, "getrandbits", (i, s, a, k) -> {
            int bits = (int) i.m.intValue(a[1]);
            if (bits < 0) {
                throw i.error("ValueError", "number of bits must be non-negative");
            }
            return i.newInt(getrandbits(state(i, a[0]), bits));
        });
        Modules.fn(in, mod, "getstate", (i, s, a, k) -> {
            State st = state(i, a[0]);
            long[] items = new long[N + 1];
            for (int j = 0; j < N; j++) {
                items[j] = i.newInt(st.mt[j] & 0xFFFFFFFFL);
            }
            items[N] = i.newInt(st.index);
            try {
                return i.m.newTuple(items);
            } finally {
                i.release(items);
            }
        });
        Modules.fn(in, mod, "setstate", (i, s, a, k) -> {
            State st = state(i, a[0]);
            if (i.m.len(a[1]) != N + 1) {
                throw i.error("ValueError", "state vector is the wrong size");
            }
            for (int j = 0; j < N; j++) {
                st.mt[j] = (int) i.m.intValue(i.m.tupleGet(a[1], j));
            }
            long index = i.m.intValue(i.m.tupleGet(a[1], N));
            if (index < 0 || index > N) {
                throw i.error("ValueError", "invalid state");
            }
            st.index = (int) index;
            return i.none;
        });
        return mod;
    }

    private static State state(Interp in, long st) {
        if (!(in.os.payload(st) instanceof State s)) {
            throw in.typeError("not a _random state");
        }
        return s;
    }

    /** init_genrand. */
    private static void initGenrand(State st, int s) {
        int[] mt = st.mt;
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        st.index = N;
    }

    /** random_seed for an int: init_by_array over its 32-bit words, least significant first (one for 0). */
    private static void seed(State st, BigInteger n) {
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int w = 0; w < words; w++) {
            key[w] = n.shiftRight(32 * w).intValue();
        }
        initGenrand(st, 19650218);
        int[] mt = st.mt;
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, words); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= words) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        st.index = N;
    }

    /** genrand_uint32. */
    private static int next(State st) {
        int[] mt = st.mt;
        if (st.index >= N) {
            if (st.index == N + 1) {
                initGenrand(st, 5489);
            }
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            st.index = 0;
        }
        int y = mt[st.index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** getrandbits: 32-bit words from the least significant up, the last one's low bits dropped. */
    private static BigInteger getrandbits(State st, int k) {
        if (k == 0) {
            return BigInteger.ZERO;
        }
        if (k <= 32) {
            return BigInteger.valueOf((next(st) & 0xFFFFFFFFL) >>> (32 - k));
        }
        BigInteger r = BigInteger.ZERO;
        int shift = 0;
        for (int left = k; left > 0; left -= 32, shift += 32) {
            long word = next(st) & 0xFFFFFFFFL;
            if (left < 32) {
                word >>>= 32 - left;
            }
            r = r.or(BigInteger.valueOf(word).shiftLeft(shift));
        }
        return r;
    }
}
