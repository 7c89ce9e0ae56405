package org.pymemlab.runtime;

/**
 * {@code repr()} of a bytes value, as PyBytes_Repr spells it: double quotes when the bytes hold {@code '} and no
 * {@code "}, {@code \t \n \r} escaped by name, other control and non-ASCII bytes as {@code \xNN}. One
 * spelling for the heap's objects and the parser's constants.
 */
public final class BytesRepr {

    private BytesRepr() {
    }

    public static String of(byte[] value) {
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
