package org.pymemlab.frontend.ast;

/** {@code name [as asname]} in an import; {@code name} may be dotted, or {@code *}. */
public record Alias(String name, String asname, Span span) {
}
