package org.pymemlab.api.collector;

/** The built-in kinds of object a collector may need to tell apart; everything else is {@link #OTHER}. */
public enum ObjectKind {
    INT, BOOL, FLOAT, STR, BYTES, NONE, TUPLE, LIST, DICT, SET, FROZENSET,
    INSTANCE, TYPE, FUNCTION, WEAKREF, OTHER
}
