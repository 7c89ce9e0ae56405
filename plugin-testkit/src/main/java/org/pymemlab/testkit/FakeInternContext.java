package org.pymemlab.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pymemlab.api.interning.InternContext;

/**
 * A runtime stand-in: objects are fake addresses handed out by a counter (nothing is dereferenced), with
 * their kind, value and refcount kept in maps. Every call is recorded. Sizes are CPython 3.12's
 * {@code sys.getsizeof} values; decref skips static objects, as the runtime does for immortals.
 */
public final class FakeInternContext implements InternContext {

    /** The stride of {@link #newStaticInts}, as 64-bit CPython's. */
    public static final int STRIDE = 32;
    private static final long OBJECT_SPACING = 64;

    /** An object: its kind ({@code int}, {@code str}, {@code bytes}, {@code tuple}) and value. */
    public record FakeObject(String kind, Object value) {
    }

    private final boolean internedStringsImmortal;
    private long nextAddress = 0x10_0000;
    public final Map<Long, FakeObject> objects = new HashMap<>();
    public final Map<Long, Long> refcounts = new HashMap<>();
    public final Set<Long> statics = new HashSet<>();
    /** Strings the interner marked as mortal interned: its reference to them is not counted. */
    public final Set<Long> mortalInterned = new HashSet<>();
    public final List<String> calls = new ArrayList<>();
    public long staticIntsBase;
    private final Set<Long> created = new HashSet<>();

    public FakeInternContext(boolean internedStringsImmortal) {
        this.internedStringsImmortal = internedStringsImmortal;
    }

    @Override
    public long newStaticInts(long first, int count) {
        calls.add("newStaticInts(" + first + ", " + count + ")");
        staticIntsBase = 0x7000_0000L;
        for (int i = 0; i < count; i++) {
            register(staticIntsBase + (long) i * STRIDE, "int", first + i);
        }
        return staticIntsBase;
    }

    @Override
    public int staticIntStride() {
        return STRIDE;
    }

    @Override
    public long newString(String value) {
        calls.add("newString");
        long object = register(allocate(), "str", value);
        created.add(object);
        return object;
    }

    @Override
    public long newBytes(byte[] value) {
        calls.add("newBytes");
        long object = register(allocate(), "bytes", new String(value, StandardCharsets.ISO_8859_1));
        created.add(object);
        return object;
    }

    @Override
    public long newEmptyTuple() {
        calls.add("newEmptyTuple");
        long object = register(allocate(), "tuple", "()");
        created.add(object);
        return object;
    }

    @Override
    public void makeStatic(long object) {
        require(object);
        statics.add(object);
    }

    @Override
    public boolean internedStringsImmortal() {
        return internedStringsImmortal;
    }

    @Override
    public void markInternedMortal(long str) {
        stringValue(str);
        calls.add("markInternedMortal(" + str + ")");
        mortalInterned.add(str);
    }

    @Override
    public String stringValue(long str) {
        FakeObject object = require(str);
        if (!object.kind().equals("str")) {
            throw new AssertionError("not a str: " + object);
        }
        return (String) object.value();
    }

    @Override
    public long sizeOf(long object) {
        FakeObject o = require(object);
        return switch (o.kind()) {
            case "int" -> 28;
            case "bytes" -> 33 + ((String) o.value()).length();
            case "tuple" -> 40;
            case "str" -> {
                String s = (String) o.value();
                int max = s.chars().max().orElse(0);
                // 3.12: compact ASCII 40 + n + 1; latin-1 56 + n + 1 (no UCS-2/4 in these tests)
                yield (max < 128 ? 40 : 56) + s.length() + 1;
            }
            default -> throw new AssertionError(o);
        };
    }

    @Override
    public void incref(long object) {
        require(object);
        calls.add("incref(" + object + ")");
        refcounts.merge(object, 1L, Long::sum);
    }

    @Override
    public void decref(long object) {
        require(object);
        calls.add("decref(" + object + ")");
        if (!statics.contains(object)) {
            refcounts.merge(object, -1L, Long::sum);
        }
    }

    /** A str made outside the interner, as the runtime would for a literal or a concatenation. */
    public long str(String value) {
        return register(allocate(), "str", value);
    }

    /** How many decrefs {@code object} received, static or not. */
    public long decrefs(long object) {
        return calls.stream().filter(c -> c.equals("decref(" + object + ")")).count();
    }

    /** Objects this context created for the interner (not those made with {@link #str}), by address. */
    public Set<Long> created() {
        return java.util.Collections.unmodifiableSet(created);
    }

    private long allocate() {
        long address = nextAddress;
        nextAddress += OBJECT_SPACING;
        return address;
    }

    private long register(long address, String kind, Object value) {
        objects.put(address, new FakeObject(kind, value));
        refcounts.put(address, 1L);
        return address;
    }

    private FakeObject require(long object) {
        FakeObject o = objects.get(object);
        if (o == null) {
            throw new AssertionError("no object at " + object);
        }
        return o;
    }
}
