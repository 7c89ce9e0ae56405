package org.pymemlab.frontend.interp;

/**
 * {@code _pymembin}, the loops of the bundled {@code binascii}: Base64 encoding, and decoding by binascii's
 * rules (lenient: other characters skipped; strict: CPython's errors), over the bytes at once. Decoding answers
 * the bytes, or the error's message as a str for binascii.py to raise as binascii.Error.
 */
final class BinasciiModule {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int[] VALUE = new int[256];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUE[ALPHABET[i]] = i;
        }
    }

    private BinasciiModule() {
    }

    static long create(Interp in) {
        long mod = Modules.newModule(in, "_pymembin");
        // b2a_base64(data: bytes, newline: bool) -> bytes
        Modules.fn(in, mod, "b2a_base64", (i, s, a, k) -> i.m.newBytes(encode(ByteArrays.buffer(i, a[0]), i.truthy(a[1]))));
        // a2b_base64(data: bytes, strict: bool) -> bytes, or the error message
        Modules.fn(in, mod, "a2b_base64", (i, s, a, k) -> {
            byte[] data = ByteArrays.buffer(i, a[0]);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length * 3 / 4 + 3);
            String error = decode(data, i.truthy(a[1]), out);
            return error != null ? i.newStr(error) : i.m.newBytes(out.toByteArray());
        });
        return mod;
    }

    static byte[] encode(byte[] data, boolean newline) {
        int n = data.length;
        byte[] out = new byte[(n + 2) / 3 * 4 + (newline ? 1 : 0)];
        int o = 0;
        int k = 0;
        for (; k + 2 < n; k += 3) {
            int v = (data[k] & 0xff) << 16 | (data[k + 1] & 0xff) << 8 | data[k + 2] & 0xff;
            out[o++] = ALPHABET[v >> 18];
            out[o++] = ALPHABET[v >> 12 & 63];
            out[o++] = ALPHABET[v >> 6 & 63];
            out[o++] = ALPHABET[v & 63];
        }
        if (n - k == 1) {
            int v = (data[k] & 0xff) << 16;
            out[o++] = ALPHABET[v >> 18];
            out[o++] = ALPHABET[v >> 12 & 63];
            out[o++] = '=';
            out[o++] = '=';
        } else if (n - k == 2) {
            int v = (data[k] & 0xff) << 16 | (data[k + 1] & 0xff) << 8;
            out[o++] = ALPHABET[v >> 18];
            out[o++] = ALPHABET[v >> 12 & 63];
            out[o++] = ALPHABET[v >> 6 & 63];
            out[o++] = '=';
        }
        if (newline) {
            out[o] = '\n';
        }
        return out;
    }

    /**
     * binascii_a2b_base64: four characters make three bytes; a complete padding ends the data; in lenient mode
     * characters outside the alphabet are skipped. Returns null, or the error's message.
     */
    static String decode(byte[] data, boolean strict, java.io.ByteArrayOutputStream out) {
        int quad = 0;
        int left = 0;
        int pads = 0;
        boolean paddingStarted = false;
        int dataChars = 0;
        for (int k = 0; k < data.length; k++) {
            int c = data[k] & 0xff;
            if (c == '=') {
                paddingStarted = true;
                if (strict && quad == 0) {
                    return k == 0 ? "Leading padding not allowed" : "Discontinuous padding not allowed";
                }
                pads++;
                if (quad >= 2 && quad + pads >= 4) {
                    return strict && k + 1 < data.length ? "Excess data after padding" : null;
                }
                continue;
            }
            int value = VALUE[c];
            if (value < 0) {
                if (strict) {
                    return "Only base64 data is allowed";
                }
                continue;
            }
            if (strict && paddingStarted) {
                return "Discontinuous padding not allowed";
            }
            pads = 0;
            dataChars++;
            switch (quad) {
                case 0 -> {
                    left = value;
                    quad = 1;
                }
                case 1 -> {
                    out.write((left << 2 | value >> 4) & 0xff);
                    left = value & 0x0f;
                    quad = 2;
                }
                case 2 -> {
                    out.write((left << 4 | value >> 2) & 0xff);
                    left = value & 0x03;
                    quad = 3;
                }
                default -> {
                    out.write((left << 6 | value) & 0xff);
                    left = 0;
                    quad = 0;
                }
            }
        }
        if (quad == 1) {
            return "Invalid base64-encoded string: number of data characters (" + dataChars
                    + ") cannot be 1 more than a multiple of 4";
        }
        return quad != 0 ? "Incorrect padding" : null;
    }
}
