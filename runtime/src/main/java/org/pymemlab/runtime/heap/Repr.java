package org.pymemlab.runtime.heap;

/** {@code repr()} of the built-in types, CPython's spelling. */
final class Repr {

    private Repr() {
    }

    static String of(Heap heap, long op) {
        PyType type = heap.typeOf(op);
        return switch (type.kind) {
            case NONE -> "None";
            case BOOL -> heap.ints.longValue(op) != 0 ? "True" : "False";
            case INT -> heap.ints.bigValue(op).toString();
            case FLOAT -> floatRepr(heap.floats.value(op));
            case STR -> "'" + heap.strs.value(op).replace("\\", "\\\\").replace("'", "\\'") + "'";
            case BYTES -> bytesRepr(heap.bytes.value(op));
            case TUPLE -> {
                long n = heap.tuples.size(op);
                StringBuilder sb = new StringBuilder("(");
                for (long i = 0; i < n; i++) {
                    sb.append(i > 0 ? ", " : "").append(of(heap, heap.tuples.get(op, i)));
                }
                yield sb.append(n == 1 ? ",)" : ")").toString();
            }
            case LIST -> "<list object at 0x" + Long.toHexString(op) + ">";
            case DICT -> "<dict object at 0x" + Long.toHexString(op) + ">";
            case TYPE -> "<class '" + heap.typeByAddress(op).name + "'>";
            default -> "<" + type.name + " object at 0x" + Long.toHexString(op) + ">";
        };
    }

    private static String floatRepr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return String.format("%.1f", v);
        }
        return Double.toString(v);
    }

    /** PyBytes_Repr: double quotes when the bytes hold ' and no ", \t \n \r escaped by name, other controls as \xNN. */
    private static String bytesRepr(byte[] value) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : value) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte b : value) {
            int c = b & 0xFF;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }
}
