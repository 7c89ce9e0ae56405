/**
 * The interpreter: the AST compiled into a tree of Java nodes ({@link org.pymemlab.frontend.interp.Compiler}) with
 * fast locals resolved to slots and closures to cells ({@link org.pymemlab.frontend.interp.Scope}), run on the
 * runtime's heap ({@link org.pymemlab.frontend.interp.Interp}): every value is an address, every reference CPython
 * holds (globals, locals, arguments, containers, cells, bound methods, the evaluation stack, the code's
 * constants and the AST arena) is held here too, so {@code sys.getrefcount} answers as CPython does.
 * Entry points: {@link org.pymemlab.frontend.PythonProgram} and {@link org.pymemlab.frontend.PythonWorkload}.
 */
package org.pymemlab.frontend.interp;
