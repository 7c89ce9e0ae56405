package org.pymemlab.frontend.lexer;

import java.io.ByteArrayOutputStream;

/**
 * Decodes the escape sequences of str and bytes literal bodies as CPython does, with its error
 * messages ({@code (unicode error) 'unicodeescape' codec can't decode ...}). Invalid escapes such
 * as {@code \d} are kept verbatim (CPython only warns).
 */
public final class StringDecoder {

    /** A decoding failure; the parser turns it into a SyntaxError at the literal. */
    public static final class DecodeException extends Exception {
        /** Creates one with CPython's message. */
        public DecodeException(String message) {
            super(message, null, false, false);
        }
    }

    private StringDecoder() {
    }

    private static int hexVal(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Decodes a str body ({@code raw}: only the text as is). */
    public static String decodeStr(String body, boolean raw) throws DecodeException {
        if (raw || body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i >= n) {
                throw unicodeError(body, start, n - 1, "\\ at end of string");
            }
            char e = body.charAt(i++);
            switch (e) {
                case '\n' -> {
                }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        v = v * 8 + (body.charAt(i++) - '0');
                    }
                    sb.appendCodePoint(v);
                }
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int v = 0;
                    for (int k = 0; k < digits; k++) {
                        int h = i < n ? hexVal(body.charAt(i)) : -1;
                        if (h < 0) {
                            String what = e == 'x' ? "truncated \\xXX escape"
                                    : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                            throw unicodeError(body, start, i - 1, what);
                        }
                        v = v * 16 + h;
                        i++;
                    }
                    if (v > 0x10FFFF) {
                        throw unicodeError(body, start, i - 1, "illegal Unicode character");
                    }
                    sb.appendCodePoint(v);
                }
                case 'N' -> {
                    int close = i < n && body.charAt(i) == '{' ? body.indexOf('}', i) : -1;
                    if (close < 0 || close == i + 1) {
                        throw unicodeError(body, start, Math.min(n - 1, Math.max(i, close)),
                                "malformed \\N character escape");
                    }
                    String name = body.substring(i + 1, close);
                    int cp;
                    try {
                        cp = Character.codePointOf(name);
                    } catch (IllegalArgumentException ex) {
                        throw unicodeError(body, start, close, "unknown Unicode character name");
                    }
                    sb.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> {
                    sb.append('\\');
                    i--; // keep the character after the backslash as it is
                }
            }
        }
        return sb.toString();
    }

    private static DecodeException unicodeError(String body, int from, int to, String what) {
        // CPython counts UTF-8 bytes of the literal body.
        int bFrom = utf8Len(body, 0, from);
        int bTo = bFrom + utf8Len(body, from, to + 1) - 1;
        return new DecodeException("(unicode error) 'unicodeescape' codec can't decode bytes in position " + bFrom + "-"
                + bTo + ": " + what);
    }

    private static int utf8Len(String s, int from, int to) {
        int len = 0;
        for (int i = from; i < to && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c)) {
                len += 4;
                i++;
            } else {
                len += 3;
            }
        }
        return len;
    }

    /** Decodes a bytes body; every source character must be ASCII. */
    public static byte[] decodeBytes(String body, boolean raw) throws DecodeException {
        for (int k = 0; k < body.length(); k++) {
            if (body.charAt(k) >= 128) {
                throw new DecodeException("bytes can only contain ASCII literal characters");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\' || raw) {
                out.write(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            if (i >= n) {
                throw new DecodeException("(value error) Trailing \\ in string");
            }
            char e = body.charAt(i++);
            switch (e) {
                case '\n' -> {
                }
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        v = v * 8 + (body.charAt(i++) - '0');
                    }
                    out.write(v & 0xff);
                }
                case 'x' -> {
                    int h1 = i < n ? hexVal(body.charAt(i)) : -1;
                    int h2 = i + 1 < n ? hexVal(body.charAt(i + 1)) : -1;
                    if (h1 < 0 || h2 < 0) {
                        throw new DecodeException("(value error) invalid \\x escape at position " + start);
                    }
                    out.write(h1 * 16 + h2);
                    i += 2;
                }
                default -> {
                    out.write('\\');
                    i--;
                }
            }
        }
        return out.toByteArray();
    }
}
