package org.pymemlab.frontend.lexer;

/**
 * A (non-f) string literal as the tokenizer found it; the body is decoded by the parser with
 * {@link StringDecoder}, as CPython decodes escapes when it builds the constant.
 *
 * @param bytes     {@code b} prefix
 * @param raw       {@code r} prefix
 * @param unicode   {@code u} prefix
 * @param bodyStart source index of the first character after the opening quotes
 * @param bodyEnd   source index of the closing quotes
 */
public record StringLit(boolean bytes, boolean raw, boolean unicode, int bodyStart, int bodyEnd) {
}
