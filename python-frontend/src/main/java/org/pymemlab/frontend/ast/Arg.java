package org.pymemlab.frontend.ast;

/** One parameter; {@code annotation} may be null (and is ignored by the interpreter). */
public record Arg(String arg, Expr annotation, Span span) {
}
