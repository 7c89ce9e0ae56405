package org.pymemlab.frontend.ast;

/** A keyword argument {@code arg=value}, or {@code **value} when {@code arg} is null. */
public record Keyword(String arg, Expr value, Span span) {
}
