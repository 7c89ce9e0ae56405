/**
 * Python 3.13 tokenizer: {@link org.pymemlab.frontend.lexer.Lexer} produces
 * {@link org.pymemlab.frontend.lexer.Token}s on demand, with CPython's tokenizer errors.
 */
package org.pymemlab.frontend.lexer;
