package org.pymemlab.frontend.lexer;

/**
 * One token. Lines are 1-based; columns are 0-based code-point offsets (CPython's
 * {@code col_offset} counted in characters), {@code endCol} exclusive; a SyntaxError's
 * 1-based offset is {@code col + 1}.
 *
 * @param kind       what it is
 * @param text       NAME: the identifier (NFKC-normalized); NUMBER/STRING/FSTRING: the source text;
 *                   operators and keywords: their spelling; otherwise ""
 * @param value      NUMBER: {@link java.math.BigInteger} or {@link Double}; STRING: {@link StringLit};
 *                   FSTRING: {@link FStringLit}; otherwise null
 * @param line       first line
 * @param col        first column
 * @param endLine    last line
 * @param endCol     column after the last character
 * @param startIndex index of the first character in the (normalized) source
 * @param endIndex   index after the last character
 */
public record Token(TokenKind kind, String text, Object value, int line, int col, int endLine, int endCol,
                    int startIndex, int endIndex) {

    @Override
    public String toString() {
        return kind + (text.isEmpty() ? "" : "(" + text + ")") + "@" + line + ":" + col;
    }
}
