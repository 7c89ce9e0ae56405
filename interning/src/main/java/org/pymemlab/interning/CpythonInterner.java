package org.pymemlab.interning;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.pymemlab.api.interning.InternContext;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerStats;

/**
 * CPython's caches: the small ints, the empty and one-character latin-1 strings, the empty and one-byte
 * bytes, the empty tuple, all created at {@link #initialize} and made static (immortal in 3.12+); and
 * {@code sys.intern}'s table, keyed by string content.
 *
 * <p>CPython 3.12+ allocates all of these statically ({@code Include/internal/pycore_global_objects.h}:
 * {@code _Py_SINGLETON(small_ints)}, {@code strings.latin1}, {@code bytes_characters}, {@code tuple_empty}),
 * so they are created eagerly here too. Lookups are array indexing and do not allocate.
 */
final class CpythonInterner implements Interner {

    private static final int LATIN1_SIZE = 256;
    /** Every object CPython's object header needs at least: ob_refcnt and ob_type. */
    private static final int MIN_OBJECT_SIZE = 16;

    private final CpythonInterningSettings settings;
    private final InternCounters counters = new InternCounters();

    private InternContext context;

    // The small ints are one array of objects: value v lives at smallIntBase + (v - smallIntMin) * stride.
    // An empty range (min > max) until initialize() and after release(), so lookups miss.
    private long smallIntMin = 1;
    private long smallIntMax = 0;
    private long smallIntBase;
    private int smallIntStride;

    private long emptyString;
    private long emptyBytes;
    private long emptyTuple;
    private final long[] oneCharStrings = new long[LATIN1_SIZE];
    private final long[] oneByteBytes = new long[LATIN1_SIZE];

    // The sizes of the cached objects, which never change, read once: a hit counts the bytes it saved, and
    // asking the runtime for a size on every hit (every small int made) cost more than the lookup itself.
    private int[] smallIntSizes = new int[0];
    private final int[] oneCharSizes = new int[LATIN1_SIZE];
    private final int[] oneByteSizes = new int[LATIN1_SIZE];
    private int emptyStringSize;
    private int emptyBytesSize;
    private int emptyTupleSize;

    /** sys.intern's table: content to canonical object. Holds the cached strings too, which are interned in CPython. */
    private final Map<String, Long> interned = new HashMap<>();
    /** Strings the interner holds one counted reference to: start-up's, and intern()'s on immortal profiles. */
    private long[] adopted = new long[16];
    private int adoptedCount;
    /** Strings intern() adopted without counting its reference (mortal profiles), still alive. */
    private int mortalCount;

    @Inject
    CpythonInterner(CpythonInterningSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public void initialize(InternContext context) {
        requireNonNull(context, "context is null");
        if (this.context != null) {
            throw new IllegalStateException("interner already initialized");
        }
        this.context = context;
        createSmallInts();

        emptyString = makeStatic(context.newString(""));
        emptyStringSize = size(emptyString);
        interned.put("", emptyString);
        if (settings.singleCharStrings()) {
            for (int c = 0; c < LATIN1_SIZE; c++) {
                String value = String.valueOf((char) c);
                oneCharStrings[c] = makeStatic(context.newString(value));
                oneCharSizes[c] = size(oneCharStrings[c]);
                interned.put(value, oneCharStrings[c]);
            }
        }
        // what the interpreter's start-up interned before the program: objects apart from the singletons
        for (char c : settings.startupInternedChars().toCharArray()) {
            String value = String.valueOf(c);
            long str = makeStatic(context.newString(value));
            interned.put(value, str);
            if (adoptedCount == adopted.length) {
                adopted = Arrays.copyOf(adopted, adoptedCount * 2);
            }
            adopted[adoptedCount++] = str;
        }

        emptyBytes = makeStatic(context.newBytes(new byte[0]));
        emptyBytesSize = size(emptyBytes);
        if (settings.singleByteBytes()) {
            for (int b = 0; b < LATIN1_SIZE; b++) {
                oneByteBytes[b] = makeStatic(context.newBytes(new byte[] {(byte) b}));
                oneByteSizes[b] = size(oneByteBytes[b]);
            }
        }

        emptyTuple = makeStatic(context.newEmptyTuple());
        emptyTupleSize = size(emptyTuple);
    }

    private int size(long object) {
        return Math.toIntExact(context.sizeOf(object));
    }

    /** Objects/longobject.c: the small ints are one contiguous array, so a lookup is arithmetic. */
    private void createSmallInts() {
        int count = settings.smallIntCount();
        long base = context.newStaticInts(settings.smallIntMin(), count);
        int stride = context.staticIntStride();
        if (base == 0) {
            throw new IllegalStateException("newStaticInts returned NULL for " + count + " ints");
        }
        if (stride < MIN_OBJECT_SIZE || stride % Long.BYTES != 0) {
            throw new IllegalStateException("static int stride " + stride
                    + " is not a multiple of 8 of at least " + MIN_OBJECT_SIZE + " bytes");
        }
        smallIntSizes = new int[count];
        for (int i = 0; i < count; i++) {
            context.makeStatic(base + (long) i * stride);
            smallIntSizes[i] = size(base + (long) i * stride);
        }
        smallIntBase = base;
        smallIntStride = stride;
        smallIntMin = settings.smallIntMin();
        smallIntMax = settings.smallIntMax();
    }

    private long makeStatic(long object) {
        if (object == 0) {
            throw new IllegalStateException("the runtime returned NULL for a cached object");
        }
        context.makeStatic(object);
        return object;
    }

    @Override
    public long cachedInt(long value) {
        if (value < smallIntMin || value > smallIntMax) {
            counters.miss(InternCategory.INT);
            return 0;
        }
        int index = (int) (value - smallIntMin);
        return hit(InternCategory.INT, smallIntBase + (long) index * smallIntStride, smallIntSizes[index]);
    }

    @Override
    public long cachedString(String value) {
        return switch (value.length()) {
            case 0 -> hitOrMiss(InternCategory.STR, emptyString, emptyStringSize);
            case 1 -> value.charAt(0) < LATIN1_SIZE
                    ? hitOrMiss(InternCategory.STR, oneCharStrings[value.charAt(0)], oneCharSizes[value.charAt(0)])
                    : hitOrMiss(InternCategory.STR, 0, 0);
            default -> hitOrMiss(InternCategory.STR, 0, 0);
        };
    }

    @Override
    public long cachedBytes(byte[] value) {
        return switch (value.length) {
            case 0 -> hitOrMiss(InternCategory.BYTES, emptyBytes, emptyBytesSize);
            case 1 -> hitOrMiss(InternCategory.BYTES, oneByteBytes[value[0] & 0xFF], oneByteSizes[value[0] & 0xFF]);
            default -> hitOrMiss(InternCategory.BYTES, 0, 0);
        };
    }

    @Override
    public long cachedEmptyTuple() {
        return hitOrMiss(InternCategory.TUPLE, emptyTuple, emptyTupleSize);
    }

    /**
     * sys.intern: the first object interned with this content stays canonical. When the profile makes
     * interned strings immortal (3.12) the interner keeps a reference to it and makes it static; otherwise
     * (3.11, 3.13) its reference is not counted, and the string leaves the table when it is freed.
     */
    @Override
    public long intern(long str) {
        requireInitialized();
        String value = context.stringValue(str);
        Long canonical = interned.get(value);
        if (canonical != null) {
            // Interning the canonical object itself finds it, but saves nothing.
            counters.hit(InternCategory.INTERN, canonical == str ? 0 : context.sizeOf(canonical));
            return canonical;
        }
        counters.miss(InternCategory.INTERN);
        interned.put(value, str);
        if (!context.internedStringsImmortal()) {
            // 3.11 and 3.13: the interned dict's references are not counted; the string dies with its last user
            context.markInternedMortal(str);
            mortalCount++;
            return str;
        }
        context.incref(str);
        context.makeStatic(str);
        if (adoptedCount == adopted.length) {
            adopted = Arrays.copyOf(adopted, adoptedCount * 2);
        }
        adopted[adoptedCount++] = str;
        return str;
    }

    /** unicode_dealloc of a mortal interned string: it leaves the table. */
    @Override
    public void forget(long str) {
        if (context != null && interned.remove(context.stringValue(str), str)) {
            mortalCount--;
        }
    }

    @Override
    public boolean isInterned(long str) {
        if (context == null || str == 0) {
            return false;
        }
        Long canonical = interned.get(context.stringValue(str));
        return canonical != null && canonical == str;
    }

    /** Gives back every reference held; lookups miss from then on. */
    @Override
    public void release() {
        if (context == null) {
            return;
        }
        for (long i = 0; i <= smallIntMax - smallIntMin; i++) {
            context.decref(smallIntBase + i * smallIntStride);
        }
        releaseAll(oneCharStrings);
        releaseAll(oneByteBytes);
        for (long object : new long[] {emptyString, emptyBytes, emptyTuple}) {
            release(object);
        }
        for (int i = 0; i < adoptedCount; i++) {
            context.decref(adopted[i]);
        }
        smallIntMin = 1;
        smallIntMax = 0;
        smallIntBase = 0;
        emptyString = emptyBytes = emptyTuple = 0;
        interned.clear();
        adoptedCount = 0;
        mortalCount = 0;
    }

    @Override
    public InternerStats stats() {
        return counters.snapshot(cachedObjects());
    }

    private long cachedObjects() {
        long count = smallIntMax - smallIntMin + 1 + adoptedCount + mortalCount;
        for (long object : new long[] {emptyString, emptyBytes, emptyTuple}) {
            count += object != 0 ? 1 : 0;
        }
        count += Arrays.stream(oneCharStrings).filter(o -> o != 0).count();
        count += Arrays.stream(oneByteBytes).filter(o -> o != 0).count();
        return count;
    }

    private void releaseAll(long[] objects) {
        for (int i = 0; i < objects.length; i++) {
            release(objects[i]);
            objects[i] = 0;
        }
    }

    private void release(long object) {
        if (object != 0) {
            context.decref(object);
        }
    }

    private long hitOrMiss(InternCategory category, long cached, int size) {
        if (cached == 0) {
            counters.miss(category);
            return 0;
        }
        return hit(category, cached, size);
    }

    private long hit(InternCategory category, long object, int size) {
        counters.hit(category, size);
        return object;
    }

    private void requireInitialized() {
        if (context == null) {
            throw new IllegalStateException("interner not initialized");
        }
    }
}
