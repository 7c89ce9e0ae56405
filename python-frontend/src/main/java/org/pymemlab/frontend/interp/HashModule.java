package org.pymemlab.frontend.interp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.pymemlab.api.collector.ObjectKind;

/**
 * {@code _pymemhash}: the message digests under {@code hashlib.py}, the JDK's MessageDigest under CPython's
 * names. A digest's running state is a small host object with the MessageDigest as its payload.
 */
final class HashModule {

    /** hashlib's names and the JDK's: the algorithms both have (no blake2 or shake in the JDK). */
    static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "sha3_224", "SHA3-224", "sha3_256", "SHA3-256",
            "sha3_384", "SHA3-384", "sha3_512", "SHA3-512");

    private HashModule() {
    }

    static long create(Interp in) {
        long stateType = in.os.newHostType("_pymemhash.state", ObjectKind.OTHER, false, 24, 0);
        long mod = Modules.newModule(in, "_pymemhash");
        long[] names = ALGORITHMS.keySet().stream().sorted().mapToLong(in::newStr).toArray();
        Modules.put(in, mod, "algorithms", in.m.newTuple(names));
        in.release(names);
        Modules.fn(in, mod, "new", (i, s, a, k) -> {
            String jdk = ALGORITHMS.get(i.m.strValue(a[0]));
            if (jdk == null) {
                throw i.error("ValueError", "unsupported hash type " + i.m.strValue(a[0]));
            }
            try {
                return state(i, stateType, MessageDigest.getInstance(jdk));
            } catch (NoSuchAlgorithmException e) {
                throw i.error("ValueError", "unsupported hash type " + i.m.strValue(a[0]));
            }
        });
        Modules.fn(in, mod, "update", (i, s, a, k) -> {
            byte[] data = ByteArrays.buffer(i, a[1]);
            if (data == null) {
                throw i.typeError(i.kind(a[1]) == Interp.K_STR ? "Strings must be encoded before hashing"
                        : "object supporting the buffer API required");
            }
            digest(i, a[0]).update(data);
            return i.none;
        });
        Modules.fn(in, mod, "digest", (i, s, a, k) -> {
            try {
                // digest() leaves the running state as it is: the digest of a copy
                return i.m.newBytes(((MessageDigest) digest(i, a[0]).clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        });
        Modules.fn(in, mod, "copy", (i, s, a, k) -> {
            try {
                return state(i, stateType, (MessageDigest) digest(i, a[0]).clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        });
        Modules.fn(in, mod, "sizes", (i, s, a, k) -> {
            MessageDigest d = digest(i, a[0]);
            long size = i.newInt(d.getDigestLength());
            long block = i.newInt(blockSize(d.getAlgorithm()));
            try {
                return i.m.newTuple(size, block);
            } finally {
                i.m.decref(size);
                i.m.decref(block);
            }
        });
        return mod;
    }

    private static long state(Interp in, long stateType, MessageDigest digest) {
        long st = in.os.newHostObject(stateType);
        in.os.setPayload(st, digest);
        return st;
    }

    private static MessageDigest digest(Interp in, long state) {
        if (!(in.os.payload(state) instanceof MessageDigest d)) {
            throw in.typeError("not a digest state");
        }
        return d;
    }

    /** The algorithm's block size in bytes, as hashlib's block_size gives it. */
    private static int blockSize(String jdk) {
        return switch (jdk) {
            case "SHA-384", "SHA-512" -> 128;
            case "SHA3-224" -> 144;
            case "SHA3-256" -> 136;
            case "SHA3-384" -> 104;
            case "SHA3-512" -> 72;
            default -> 64;
        };
    }
}
