/**
 * Recursive-descent parser: {@link org.pymemlab.frontend.parser.Parser#parseModule(String, String)}
 * turns source into an {@link org.pymemlab.frontend.ast.Module} or throws a CPython-style
 * {@link org.pymemlab.frontend.PySyntaxError}.
 */
package org.pymemlab.frontend.parser;
