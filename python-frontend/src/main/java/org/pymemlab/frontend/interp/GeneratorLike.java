package org.pymemlab.frontend.interp;

/**
 * What {@code yield from} and {@code await} drive besides plain iterators: an object with a generator's send,
 * throw and close (generators and coroutines, and an async generator's asend and athrow awaitables). Its
 * return is the StopIteration these raise, carrying the value the delegating expression gives.
 */
interface GeneratorLike {

    /** send(value): the next value handed out (new reference), or StopIteration carrying its result. */
    long sendRaising(long value, long self);

    /** throw(exc): exc raised inside; the next value handed out (new reference), or StopIteration. */
    long throwInto(PyRaise exc, long self);

    /** close(). */
    void close();
}
