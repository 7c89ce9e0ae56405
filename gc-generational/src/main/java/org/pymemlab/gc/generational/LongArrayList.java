package org.pymemlab.gc.generational;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A growable array of {@code long}s, reused across collections so a collection allocates nothing per object. */
final class LongArrayList {

    private long[] items = new long[16];
    private int size;

    int size() {
        return size;
    }

    long get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    void add(long value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size << 1);
        }
        items[size++] = value;
    }

    void clear() {
        size = 0;
    }

    /** A boxed, immutable copy for API edges. */
    List<Long> toList() {
        List<Long> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(items[i]);
        }
        return List.copyOf(out);
    }
}
