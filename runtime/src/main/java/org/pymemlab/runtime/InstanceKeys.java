package org.pymemlab.runtime;

/**
 * How dicts and sets hash and compare instances of classes made by the program: the interpreter's
 * {@code __hash__} and {@code __eq__}, installed with {@link ObjectSpace#setInstanceKeys}. The runtime asks only
 * when an instance (or an instance of a subclass of a built-in) is involved, so keys of the built-in types never
 * reach it. Either method may throw the interpreter's exception, which leaves the dict or set unchanged.
 */
public interface InstanceKeys {

    /**
     * {@code hash(instance)}; {@code identityHash} is what {@code object.__hash__} answers for it.
     * Never −1 (CPython's error value).
     */
    long hash(long instance, long identityHash);

    /**
     * {@code a == b} where at least one of them is an instance and they are different objects. It may run
     * Python code that changes the table being searched: the runtime checks and searches again.
     */
    boolean equal(long a, long b);
}
