package org.pymemlab.examples.biginterning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pymemlab.api.interning.InternContext;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerStats;

/**
 * Ints from −5 to {@code intMax} are one contiguous static block, as CPython's small ints; every str of at most
 * {@code maxLength} characters is made once, on its first lookup, made static and shared from then on; {@code ()}
 * and {@code b''} are singletons; {@code sys.intern} shares the same table, so an interned short string is the
 * cached one. The table only grows: that is the price this policy measures.
 */
final class BigInterner implements Interner {

    private static final long INT_MIN = -5;

    private final int intMax;
    private final int maxLength;
    private InternContext context;
    private long ints;
    private int stride;
    private long emptyTuple;
    private long emptyBytes;
    /** The canonical str of each value: cached short strings and sys.intern'ed ones. */
    private final Map<String, Long> strings = new HashMap<>();
    /** The objects this interner owns a reference to (given back by release). */
    private final List<Long> owned = new ArrayList<>();
    private final Map<String, Long> hits = new HashMap<>();
    private final Map<String, Long> misses = new HashMap<>();
    private long bytesSaved;

    BigInterner(int intMax, int maxLength) {
        this.intMax = intMax;
        this.maxLength = maxLength;
    }

    @Override
    public void initialize(InternContext context) {
        this.context = context;
        ints = context.newStaticInts(INT_MIN, (int) (intMax - INT_MIN + 1));
        stride = context.staticIntStride();
        emptyTuple = own(context.newEmptyTuple());
        context.makeStatic(emptyTuple);
        emptyBytes = own(context.newBytes(new byte[0]));
        context.makeStatic(emptyBytes);
    }

    @Override
    public long cachedInt(long value) {
        if (value < INT_MIN || value > intMax) {
            return miss("int");
        }
        return hit("int", ints + (value - INT_MIN) * stride);
    }

    @Override
    public long cachedString(String value) {
        if (value.length() > maxLength) {
            return miss("str");
        }
        Long cached = strings.get(value);
        if (cached != null) {
            return hit("str", cached);
        }
        // First use: made now, shared from now on (CPython would have made it static at start-up).
        long str = own(context.newString(value));
        context.makeStatic(str);
        strings.put(value, str);
        miss("str");
        return str;
    }

    @Override
    public long cachedBytes(byte[] value) {
        return value.length == 0 ? hit("bytes", emptyBytes) : miss("bytes");
    }

    @Override
    public long cachedEmptyTuple() {
        return hit("tuple", emptyTuple);
    }

    @Override
    public long intern(long str) {
        String value = context.stringValue(str);
        Long canonical = strings.get(value);
        if (canonical != null) {
            return hit("intern", canonical);
        }
        context.incref(str);
        owned.add(str);
        if (context.internedStringsImmortal()) {
            context.makeStatic(str);
        }
        strings.put(value, str);
        miss("intern");
        return str;
    }

    @Override
    public boolean isInterned(long str) {
        Long canonical = strings.get(context.stringValue(str));
        return canonical != null && canonical == str;
    }

    @Override
    public void release() {
        for (long object : owned) {
            context.decref(object);
        }
        owned.clear();
        strings.clear();
    }

    @Override
    public InternerStats stats() {
        return new InternerStats(hits, misses, bytesSaved, strings.size() + (intMax - INT_MIN + 1) + 2);
    }

    private long own(long object) {
        owned.add(object);
        return object;
    }

    private long hit(String category, long object) {
        hits.merge(category, 1L, Long::sum);
        bytesSaved += context.sizeOf(object);
        return object;
    }

    private long miss(String category) {
        misses.merge(category, 1L, Long::sum);
        return 0;
    }
}
