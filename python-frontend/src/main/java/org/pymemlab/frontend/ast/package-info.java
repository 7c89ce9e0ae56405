/**
 * Immutable syntax tree of the Python subset, named after CPython's {@code ast} module;
 * {@link org.pymemlab.frontend.ast.AstDump} prints it exactly as {@code ast.dump} of CPython 3.13.
 */
package org.pymemlab.frontend.ast;
