package org.pymemlab.frontend.ast;

import java.util.List;

/**
 * A parsed source file.
 *
 * @param body        its statements
 * @param filename    the name given to the parser (used in error messages and tracebacks)
 * @param identifiers every distinct identifier of the source, in order of first appearance (CPython's parser
 *                    interns each one)
 */
public record Module(List<Stmt> body, String filename, List<String> identifiers) {
}
