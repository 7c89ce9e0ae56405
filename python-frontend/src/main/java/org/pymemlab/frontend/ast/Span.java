package org.pymemlab.frontend.ast;

/**
 * A node's source range, as CPython's {@code lineno/col_offset/end_lineno/end_col_offset},
 * except that columns count code points rather than UTF-8 bytes.
 *
 * @param line     first line, 1-based
 * @param col      0-based column of the first character
 * @param endLine  last line, 1-based
 * @param endCol   0-based column just after the last character
 */
public record Span(int line, int col, int endLine, int endCol) {

    /** The range from the start of {@code a} to the end of {@code b}. */
    public static Span of(Span a, Span b) {
        return new Span(a.line, a.col, b.endLine, b.endCol);
    }
}
