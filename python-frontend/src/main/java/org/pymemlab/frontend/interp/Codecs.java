package org.pymemlab.frontend.interp;

import java.io.ByteArrayOutputStream;

/**
 * str.encode and bytes.decode for the codecs CPython implements in C: UTF-8, ASCII and Latin-1 (under their
 * aliases), with the error handlers strict, replace, ignore, surrogateescape, backslashreplace and (encoding)
 * xmlcharrefreplace. A failure in strict mode is CPython's UnicodeDecodeError or UnicodeEncodeError, with the
 * same range and reason (UTF-8's "invalid start byte", "invalid continuation byte", "unexpected end of data").
 */
final class Codecs {

    enum Codec {
        UTF8("utf-8"), ASCII("ascii"), LATIN1("latin-1");

        final String name;

        Codec(String name) {
            this.name = name;
        }
    }

    private Codecs() {
    }

    /** The codec an encoding name names (case, spaces and hyphens as CPython's lookup normalizes them). */
    static Codec lookup(Interp in, String encoding) {
        String n = encoding.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]+", "_");
        return switch (n) {
            case "utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4" -> Codec.UTF8;
            case "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "cp367", "csascii", "ibm367",
                    "iso646_us", "iso_646.irv_1991", "iso_ir_6" -> Codec.ASCII;
            case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100",
                    "csisolatin1", "iso_8859_1_1987", "ibm819" -> Codec.LATIN1;
            default -> throw in.error("LookupError", isKnownElsewhere(n)
                    ? "encoding '" + encoding + "' is not supported by PyMem Lab's frontend" : "unknown encoding: " + encoding);
        };
    }

    /** Codecs CPython has that the lab does not (its error says so rather than calling them unknown). */
    private static boolean isKnownElsewhere(String n) {
        return n.startsWith("utf_16") || n.startsWith("utf_32") || n.startsWith("utf16") || n.startsWith("utf32")
                || n.startsWith("cp") || n.startsWith("iso_8859") || n.startsWith("iso8859") || n.startsWith("mac_")
                || n.equals("utf_7") || n.equals("idna") || n.equals("punycode") || n.startsWith("koi8")
                || n.equals("big5") || n.startsWith("euc") || n.startsWith("shift_jis") || n.startsWith("gb");
    }

    // ---- decoding ----

    static String decode(Interp in, byte[] data, String encoding, String errors) {
        Codec codec = lookup(in, encoding);
        StringBuilder out = new StringBuilder(data.length);
        int i = 0;
        while (i < data.length) {
            int b = data[i] & 0xff;
            if (b < 0x80 || codec == Codec.LATIN1) {
                out.append((char) b);
                i++;
                continue;
            }
            if (codec == Codec.ASCII) {
                i = decodeError(in, out, data, codec, i, i + 1, "ordinal not in range(128)", errors);
                continue;
            }
            int need;
            int cp;
            int lo = 0x80;
            int hi = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                cp = b & 0x1f;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                cp = b & 0x0f;
                lo = b == 0xe0 ? 0xa0 : 0x80;
                hi = b == 0xed ? 0x9f : 0xbf;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                cp = b & 0x07;
                lo = b == 0xf0 ? 0x90 : 0x80;
                hi = b == 0xf4 ? 0x8f : 0xbf;
            } else {
                i = decodeError(in, out, data, codec, i, i + 1, "invalid start byte", errors);
                continue;
            }
            int j = 1;
            boolean bad = false;
            for (; j <= need; j++) {
                if (i + j >= data.length) {
                    break;
                }
                int c = data[i + j] & 0xff;
                if (c < (j == 1 ? lo : 0x80) || c > (j == 1 ? hi : 0xbf)) {
                    bad = true;
                    break;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (bad) {
                i = decodeError(in, out, data, codec, i, i + j, "invalid continuation byte", errors);
            } else if (j <= need) {
                i = decodeError(in, out, data, codec, i, data.length, "unexpected end of data", errors);
            } else {
                out.appendCodePoint(cp);
                i += need + 1;
            }
        }
        return out.toString();
    }

    /** A decoding error over data[start:end]: raised, or handled; returns where decoding goes on. */
    private static int decodeError(Interp in, StringBuilder out, byte[] data, Codec codec, int start, int end, String reason,
                                   String errors) {
        switch (errors) {
            case "strict" -> throw unicodeError(in, "UnicodeDecodeError", codec.name, in.m.newBytes(data), start, end, reason);
            case "replace" -> out.append('\ufffd');
            case "ignore" -> {
            }
            case "surrogateescape" -> {
                for (int k = start; k < end; k++) {
                    int b = data[k] & 0xff;
                    if (b < 128) {
                        throw unicodeError(in, "UnicodeDecodeError", codec.name, in.m.newBytes(data), start, end, reason);
                    }
                    out.append((char) (0xdc00 + b));
                }
            }
            case "backslashreplace" -> {
                for (int k = start; k < end; k++) {
                    out.append(String.format("\\x%02x", data[k] & 0xff));
                }
            }
            default -> throw in.error("LookupError", "unknown error handler name '" + errors + "'");
        }
        return end;
    }

    // ---- encoding ----

    static byte[] encode(Interp in, String text, String encoding, String errors) {
        Codec codec = lookup(in, encoding);
        int limit = codec == Codec.ASCII ? 0x80 : codec == Codec.LATIN1 ? 0x100 : Integer.MAX_VALUE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int[] cps = text.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int cp = cps[i];
            boolean surrogate = cp >= 0xd800 && cp <= 0xdfff;
            if (cp < limit && !(codec == Codec.UTF8 && surrogate)) {
                writeCodePoint(out, codec, cp);
                i++;
                continue;
            }
            // the run of characters this codec cannot encode, as CPython's error reports it
            int end = i + 1;
            while (end < cps.length && (cps[end] >= limit || codec == Codec.UTF8 && cps[end] >= 0xd800 && cps[end] <= 0xdfff)) {
                end++;
            }
            String reason = codec == Codec.UTF8 ? "surrogates not allowed"
                    : "ordinal not in range(" + (codec == Codec.ASCII ? 128 : 256) + ")";
            switch (errors) {
                case "strict" -> throw unicodeError(in, "UnicodeEncodeError", codec.name, in.newStr(text), i, end, reason);
                case "replace" -> {
                    for (int k = i; k < end; k++) {
                        out.write('?');
                    }
                }
                case "ignore" -> {
                }
                case "surrogateescape" -> {
                    for (int k = i; k < end; k++) {
                        if (cps[k] < 0xdc80 || cps[k] > 0xdcff) {
                            throw unicodeError(in, "UnicodeEncodeError", codec.name, in.newStr(text), i, end, reason);
                        }
                        out.write(cps[k] - 0xdc00);
                    }
                }
                case "backslashreplace" -> {
                    for (int k = i; k < end; k++) {
                        StringBuilder esc = new StringBuilder();
                        org.pymemlab.frontend.ast.AstDump.appendHexEscape(esc, cps[k]);
                        out.writeBytes(esc.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                case "xmlcharrefreplace" -> {
                    for (int k = i; k < end; k++) {
                        out.writeBytes(("&#" + cps[k] + ";").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                }
                default -> throw in.error("LookupError", "unknown error handler name '" + errors + "'");
            }
            i = end;
        }
        return out.toByteArray();
    }

    private static void writeCodePoint(ByteArrayOutputStream out, Codec codec, int cp) {
        if (codec != Codec.UTF8 || cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xc0 | cp >> 6);
            out.write(0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            out.write(0xe0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        } else {
            out.write(0xf0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3f);
            out.write(0x80 | cp >> 6 & 0x3f);
            out.write(0x80 | cp & 0x3f);
        }
    }

    /** UnicodeDecodeError/UnicodeEncodeError(encoding, object, start, end, reason); object consumed. */
    private static PyRaise unicodeError(Interp in, String type, String encoding, long object, int start, int end, String reason) {
        long[] args = {in.newStr(encoding), object, in.newInt(start), in.newInt(end), in.newStr(reason)};
        try {
            return new PyRaise(in.instantiateException(in.exceptions.get(type), args));
        } finally {
            in.release(args);
        }
    }
}
