/**
 * The interning policies: {@code cpython} ({@link org.pymemlab.interning.CpythonInternerProvider}) and
 * {@code none} ({@link org.pymemlab.interning.NoInternerProvider}). Only the providers are public; the
 * interners are bound by their Guice modules.
 */
package org.pymemlab.interning;
