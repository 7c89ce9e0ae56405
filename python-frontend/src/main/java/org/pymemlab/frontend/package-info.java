/**
 * Front half of PyMem Lab's Python frontend: {@link org.pymemlab.frontend.lexer tokenizer},
 * {@link org.pymemlab.frontend.parser parser} and {@link org.pymemlab.frontend.ast syntax tree},
 * with CPython-style {@link org.pymemlab.frontend.PySyntaxError syntax errors}.
 */
package org.pymemlab.frontend;
