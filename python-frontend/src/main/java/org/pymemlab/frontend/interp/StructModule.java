package org.pymemlab.frontend.interp;

import static org.pymemlab.frontend.interp.Interp.K_BOOL;
import static org.pymemlab.frontend.interp.Interp.K_BYTEARRAY;
import static org.pymemlab.frontend.interp.Interp.K_BYTES;
import static org.pymemlab.frontend.interp.Interp.K_FLOAT;
import static org.pymemlab.frontend.interp.Interp.K_INT;
import static org.pymemlab.frontend.interp.Interp.K_STR;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code _struct} (Modules/_struct.c): format strings with their byte orders, native sizes and alignment
 * ({@code @}, the default) or standard sizes ({@code = < > !}), and the codes x c b B ? h H i I l L q Q n N e f
 * d s p P. The bundled {@code struct.py} adds the Struct class and the {@code error} exception, which it hands
 * to this module; range errors are worded per version (3.11 still named native codes by their C types).
 */
final class StructModule {

    /** One code of a format, repeated count times (for s and p, count is the field's length). */
    private record Item(char code, int count, int offset, int size) {
    }

    /** A parsed format: its items at their offsets, its whole size and whether it is native. */
    private record Format(List<Item> items, int size, boolean nativeMode, boolean bigEndian) {
        int values() {
            int n = 0;
            for (Item it : items) {
                n += it.code == 's' || it.code == 'p' ? 1 : it.code == 'x' ? 0 : it.count;
            }
            return n;
        }
    }

    private final Map<String, Format> cache = new HashMap<>();
    private final long module;

    private StructModule(long module) {
        this.module = module;
    }

    static long create(Interp in) {
        long mod = Modules.newModule(in, "_struct");
        StructModule s = new StructModule(mod);
        Modules.fn(in, mod, "calcsize", (i, self, a, k) -> i.newInt(s.format(i, a[0]).size));
        Modules.fn(in, mod, "pack", (i, self, a, k) -> {
            Format f = s.format(i, a[0]);
            return i.m.newBytes(s.pack(i, f, a, 1));
        });
        Modules.fn(in, mod, "pack_into", (i, self, a, k) -> {
            Format f = s.format(i, a[0]);
            long buffer = a[1];
            if (i.kind(buffer) != K_BYTEARRAY) {
                throw i.typeError("argument must be read-write bytes-like object, not " + i.classOf(buffer).name);
            }
            long n = i.m.len(buffer);
            long offset = i.m.intValue(a[2]);
            if (offset < 0) {
                offset += n;
            }
            byte[] packed = s.pack(i, f, a, 3);
            if (offset < 0 || n - offset < f.size) {
                throw s.error(i, "pack_into requires a buffer of at least " + (f.size + Math.max(0, offset))
                        + " bytes for packing " + f.size + " bytes at offset " + offset + " (actual buffer size is " + n + ")");
            }
            i.os.byteArrayWrite(buffer, offset, packed);
            return i.none;
        });
        Modules.fn(in, mod, "unpack", (i, self, a, k) -> {
            Format f = s.format(i, a[0]);
            byte[] b = s.buffer(i, a[1]);
            if (b.length != f.size) {
                throw s.error(i, "unpack requires a buffer of " + f.size + " bytes");
            }
            return s.unpack(i, f, b, 0);
        });
        Modules.fn(in, mod, "unpack_from", (i, self, a, k) -> {
            Format f = s.format(i, a[0]);
            byte[] b = s.buffer(i, a[1]);
            long offset = a.length > 2 ? i.m.intValue(a[2]) : 0;
            if (offset < 0) {
                offset += b.length;
            }
            if (offset < 0 || b.length - offset < f.size) {
                throw s.error(i, "unpack_from requires a buffer of at least " + (f.size + Math.max(0, offset))
                        + " bytes for unpacking " + f.size + " bytes at offset " + offset + " (actual buffer size is "
                        + b.length + ")");
            }
            return s.unpack(i, f, b, (int) offset);
        });
        Modules.fn(in, mod, "iter_unpack", (i, self, a, k) -> {
            Format f = s.format(i, a[0]);
            byte[] b = s.buffer(i, a[1]);
            if (f.size == 0) {
                throw s.error(i, "cannot iteratively unpack with a struct of length 0");
            }
            if (b.length % f.size != 0) {
                throw s.error(i, "iterative unpacking requires a buffer of a multiple of " + f.size + " bytes");
            }
            long[] tuples = new long[b.length / f.size];
            for (int j = 0; j < tuples.length; j++) {
                tuples[j] = s.unpack(i, f, b, j * f.size);
            }
            long list = i.m.newList(tuples);
            i.release(tuples);
            return list;
        });
        return mod;
    }

    /** struct.error (from struct.py, which sets _struct.error) with this message. */
    private PyRaise error(Interp in, String message) {
        long cls = in.getattrOrZero(module, "error");
        if (cls == 0) {
            return in.error("ValueError", message);
        }
        long msg = in.newStr(message);
        try {
            return new PyRaise(in.instantiateException(cls, new long[] {msg}));
        } finally {
            in.m.decref(msg);
            in.m.decref(cls);
        }
    }

    private byte[] buffer(Interp in, long v) {
        byte[] b = ByteArrays.buffer(in, v);
        if (b == null) {
            throw in.typeError("a bytes-like object is required, not '" + in.classOf(v).name + "'");
        }
        return b;
    }

    private Format format(Interp in, long fmt) {
        int k = in.kind(fmt);
        String text;
        if (k == K_STR) {
            text = in.m.strValue(fmt);
        } else if (k == K_BYTES) {
            text = new String(in.m.bytesValue(fmt), java.nio.charset.StandardCharsets.ISO_8859_1);
        } else {
            throw in.typeError("Struct() argument 1 must be a str or bytes object, not " + in.classOf(fmt).name);
        }
        Format f = cache.get(text);
        if (f == null) {
            f = parse(in, text);
            cache.put(text, f);
        }
        return f;
    }

    private Format parse(Interp in, String text) {
        int pos = 0;
        boolean nativeMode = true;
        boolean big = false;
        if (!text.isEmpty() && "@=<>!".indexOf(text.charAt(0)) >= 0) {
            char order = text.charAt(0);
            nativeMode = order == '@';
            big = order == '>' || order == '!';
            pos = 1;
        }
        List<Item> items = new ArrayList<>();
        int size = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            int count = 1;
            if (c >= '0' && c <= '9') {
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == text.length()) {
                    throw error(in, "repeat count given without format specifier");
                }
                count = Integer.parseInt(text.substring(start, pos));
                c = text.charAt(pos);
            }
            int itemSize = size(c, nativeMode);
            if (itemSize < 0) {
                throw error(in, "bad char in struct format");
            }
            if (nativeMode && itemSize > 1 && "spx".indexOf(c) < 0) {
                size = (size + itemSize - 1) / itemSize * itemSize; // native alignment
            }
            items.add(new Item(c, count, size, itemSize));
            size += itemSize * count;
            pos++;
        }
        return new Format(List.copyOf(items), size, nativeMode, big);
    }

    /** A code's size, native or standard; −1 for a code the mode does not have. */
    private static int size(char c, boolean nativeMode) {
        return switch (c) {
            case 'x', 'c', 'b', 'B', '?', 's', 'p' -> 1;
            case 'h', 'H', 'e' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'l', 'L' -> nativeMode ? 8 : 4;
            case 'q', 'Q', 'd' -> 8;
            case 'n', 'N', 'P' -> nativeMode ? 8 : -1;
            default -> -1;
        };
    }

    private byte[] pack(Interp in, Format f, long[] a, int first) {
        int given = a.length - first;
        if (given != f.values()) {
            throw error(in, "pack expected " + f.values() + " items for packing (got " + given + ")");
        }
        byte[] out = new byte[f.size];
        int arg = first;
        for (Item it : f.items) {
            if (it.code == 'x') {
                continue;
            }
            if (it.code == 's' || it.code == 'p') {
                long v = a[arg++];
                int kv = in.kind(v);
                if (kv != K_BYTES && kv != K_BYTEARRAY) {
                    throw error(in, "argument for '" + it.code + "' must be a bytes object");
                }
                byte[] b = ByteArrays.buffer(in, v);
                if (it.code == 's') {
                    System.arraycopy(b, 0, out, it.offset, Math.min(b.length, it.count));
                } else if (it.count > 0) {
                    int n = Math.min(b.length, Math.min(it.count - 1, 255));
                    System.arraycopy(b, 0, out, it.offset + 1, n);
                    out[it.offset] = (byte) n;
                }
                continue;
            }
            for (int r = 0; r < it.count; r++) {
                packOne(in, f, it, a[arg++], out, it.offset + r * it.size);
            }
        }
        return out;
    }

    private void packOne(Interp in, Format f, Item it, long v, byte[] out, int at) {
        char c = it.code;
        switch (c) {
            case 'c' -> {
                if (in.kind(v) != K_BYTES && in.kind(v) != K_BYTEARRAY || in.m.len(v) != 1) {
                    throw error(in, "char format requires a bytes object of length 1");
                }
                out[at] = ByteArrays.buffer(in, v)[0];
            }
            case '?' -> out[at] = (byte) (in.truthy(v) ? 1 : 0);
            case 'e', 'f', 'd' -> {
                int kv = in.kind(v);
                if (kv != K_FLOAT && kv != K_INT && kv != K_BOOL) {
                    throw error(in, "required argument is not a float");
                }
                double x = kv == K_FLOAT ? in.m.floatValue(v) : in.m.bigIntValue(v).doubleValue();
                long bits;
                if (c == 'd') {
                    bits = Double.doubleToRawLongBits(x);
                } else if (c == 'f') {
                    if (Double.isFinite(x) && Math.abs(x) > Float.MAX_VALUE) {
                        throw in.error("OverflowError", "float too large to pack with f format");
                    }
                    bits = Float.floatToRawIntBits((float) x) & 0xFFFFFFFFL;
                } else {
                    short half = Float.floatToFloat16((float) x);
                    if (Double.isFinite(x) && Float.isInfinite(Float.float16ToFloat(half))) {
                        throw in.error("OverflowError", "float too large to pack with e format");
                    }
                    bits = half & 0xFFFFL;
                }
                write(out, at, it.size, bits, f.bigEndian);
            }
            default -> {
                int kv = in.kind(v);
                if (kv != K_INT && kv != K_BOOL) {
                    throw error(in, "required argument is not an integer");
                }
                BigInteger x = in.m.bigIntValue(v);
                boolean unsigned = Character.isUpperCase(c) || c == 'P';
                BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(it.size * 8 - 1).negate();
                BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(it.size * 8).subtract(BigInteger.ONE)
                        : BigInteger.ONE.shiftLeft(it.size * 8 - 1).subtract(BigInteger.ONE);
                if (x.compareTo(min) < 0 || x.compareTo(max) > 0) {
                    throw rangeError(in, f, it, x, min, max);
                }
                write(out, at, it.size, x.longValue(), f.bigEndian);
            }
        }
    }

    /** The range error as the profile's _struct words it (3.11 still had per-type wordings). */
    private PyRaise rangeError(Interp in, Format f, Item it, BigInteger x, BigInteger min, BigInteger max) {
        String common = "'" + it.code + "' format requires " + min + " <= number <= " + max;
        if (in.minor >= 12) {
            return error(in, common);
        }
        if (f.nativeMode) {
            return switch (it.code) {
                case 'b' -> error(in, "byte format requires " + min + " <= number <= " + max);
                case 'B' -> error(in, "ubyte format requires " + min + " <= number <= " + max);
                case 'h' -> error(in, "short format requires " + min + " <= number <= " + max);
                case 'H' -> error(in, "ushort format requires " + min + " <= number <= " + max);
                case 'i', 'I' -> error(in, common);
                default -> error(in, "argument out of range");
            };
        }
        if (it.size == 8) {
            return error(in, it.code == 'Q' && x.signum() < 0 ? "argument out of range" : "int too large to convert");
        }
        return error(in, common);
    }

    private static void write(byte[] out, int at, int size, long bits, boolean big) {
        for (int j = 0; j < size; j++) {
            out[at + (big ? size - 1 - j : j)] = (byte) (bits >>> (8 * j));
        }
    }

    private static long read(byte[] b, int at, int size, boolean big) {
        long bits = 0;
        for (int j = 0; j < size; j++) {
            bits |= (b[at + (big ? size - 1 - j : j)] & 0xFFL) << (8 * j);
        }
        return bits;
    }

    private long unpack(Interp in, Format f, byte[] b, int base) {
        List<Long> values = new ArrayList<>();
        try {
            for (Item it : f.items) {
                int at = base + it.offset;
                switch (it.code) {
                    case 'x' -> {
                    }
                    case 's' -> values.add(in.m.newBytes(java.util.Arrays.copyOfRange(b, at, at + it.count)));
                    case 'p' -> {
                        int n = it.count == 0 ? 0 : Math.min(b[at] & 0xff, it.count - 1);
                        values.add(in.m.newBytes(java.util.Arrays.copyOfRange(b, at + 1, at + 1 + n)));
                    }
                    default -> {
                        for (int r = 0; r < it.count; r++) {
                            values.add(unpackOne(in, f, it, b, at + r * it.size));
                        }
                    }
                }
            }
            return in.m.newTuple(Interp.toArray(values));
        } finally {
            in.release(Interp.toArray(values));
        }
    }

    private static long unpackOne(Interp in, Format f, Item it, byte[] b, int at) {
        long bits = read(b, at, it.size, f.bigEndian);
        return switch (it.code) {
            case 'c' -> in.m.newBytes(new byte[] {b[at]});
            case '?' -> in.bool(bits != 0);
            case 'd' -> in.m.newFloat(Double.longBitsToDouble(bits));
            case 'f' -> in.m.newFloat(Float.intBitsToFloat((int) bits));
            case 'e' -> in.m.newFloat(Float.float16ToFloat((short) bits));
            default -> {
                boolean unsigned = Character.isUpperCase(it.code) || it.code == 'P';
                if (unsigned && it.size == 8 && bits < 0) {
                    yield in.newInt(new BigInteger(Long.toUnsignedString(bits)));
                }
                int shift = 64 - 8 * it.size;
                yield in.newInt(unsigned ? bits : bits << shift >> shift);
            }
        };
    }
}
