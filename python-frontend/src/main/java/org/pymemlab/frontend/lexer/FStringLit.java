package org.pymemlab.frontend.lexer;

import java.util.List;

/**
 * An f-string as the tokenizer split it: literal text and replacement fields, whose expressions
 * the parser parses from their source range.
 *
 * @param raw   {@code r} prefix (no escape processing in literal parts)
 * @param parts the pieces in order
 */
public record FStringLit(boolean raw, List<Part> parts) {

    /** A piece of an f-string. */
    public sealed interface Part {
    }

    /**
     * Literal text, with {@code {{}/{@code }}} already collapsed but escapes not yet decoded.
     *
     * @param text  the text
     * @param line  line where it starts
     * @param col   column where it starts
     * @param start source index where it starts (for error positions)
     */
    public record Text(String text, int line, int col, int start) implements Part {
    }

    /**
     * A replacement field {@code {expr=!c:spec}}.
     *
     * @param exprStart     source index of the expression
     * @param exprEnd       source index after it
     * @param exprLine      line of {@code exprStart}
     * @param exprLineStart source index of the start of that line
     * @param conversion    -1, or {@code 's'}, {@code 'r'}, {@code 'a'}
     * @param debugText     for {@code {x=}}: the text from the expression through the {@code =}
     *                      and following blanks; otherwise null
     * @param spec          the format spec's pieces, or null when there is no {@code :}
     * @param line          line of the opening brace
     * @param col           column of the opening brace
     * @param endLine       line of the closing brace
     * @param endCol        column after the closing brace
     */
    public record Field(int exprStart, int exprEnd, int exprLine, int exprLineStart, int conversion,
                        String debugText, List<Part> spec, int line, int col, int endLine, int endCol)
            implements Part {
    }
}
