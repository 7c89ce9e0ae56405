package org.pymemlab.runtime.heap;

import java.util.Arrays;

/** A growable stack of longs: free lists and pending deallocations, without boxing. */
final class LongStack {

    private long[] items = new long[16];
    private int size;

    void push(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    long pop() {
        return items[--size];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
