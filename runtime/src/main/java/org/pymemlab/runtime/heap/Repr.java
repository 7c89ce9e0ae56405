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
            case BYTES -> org.pymemlab.runtime.BytesRepr.of(heap.bytes.value(op));
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
}
