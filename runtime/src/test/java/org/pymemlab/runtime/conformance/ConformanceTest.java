package org.pymemlab.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

/**
 * Replays what tools/oracle/conformance.py recorded on CPython 3.11, 3.12 and 3.13 through the Mutator API,
 * on the matching profile, and asserts the same answers: sizes, growth, identity, refcounts, hashes and
 * iteration order. Runs on obmalloc + generational + cpython interning, the default combination.
 */
class ConformanceTest {

    private static final List<String> PROFILES = List.of("cpython-3.11", "cpython-3.12", "cpython-3.13");
    /** List-building methods the Mutator API reproduces (BUILD_LIST, append, list * n). */
    private static final Set<String> LIST_METHODS =
            Set.of("append", "comprehension", "repeat", "literal_names", "list_call", "literal_consts");

    private static JsonNode load(String profile) throws IOException {
        try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/" + profile + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static PyRuntime runtime(String profile) {
        return PyRuntime.create(ConfigLayers.builder(ConformanceTest.class.getClassLoader())
                .set("pymem.profile", profile).build().config());
    }

    @TestFactory
    Stream<DynamicTest> getsizeof() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode data = load(profile);
            try (PyRuntime rt = runtime(profile)) {
                Mutator m = rt.mutator();
                int checked = 0;
                for (JsonNode c : data.get("getsizeof")) {
                    if (!buildable(c.get("build"))) {
                        continue;
                    }
                    long op = build(m, c.get("build"));
                    assertEquals(c.get("size").asLong(), m.getsizeof(op), c.get("id").asText());
                    if (c.has("gc_tracked")) {
                        assertEquals(c.get("gc_tracked").asBoolean(), rt.collector().isTracked(op),
                                "gc.is_tracked of " + c.get("id").asText());
                    }
                    m.decref(op);
                    checked++;
                }
                assertTrue(checked > 140, "checked " + checked);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> growth() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode data = load(profile);
            try (PyRuntime rt = runtime(profile)) {
                Mutator m = rt.mutator();
                for (JsonNode g : data.get("growth")) {
                    String name = g.get("name").asText();
                    List<Long> expected = longs(g.get("sizes"));
                    List<Long> lengths = longs(g.get("lengths"));
                    List<Long> actual = new ArrayList<>();
                    long container = switch (name) {
                        case "list_append", "list_pop" -> m.newList();
                        case "set_add" -> m.newSet();
                        default -> m.newDict();
                    };
                    if (name.equals("list_pop")) {
                        // built by appends up to the first length, then popped from the end
                        for (long i = 0; i < lengths.get(0); i++) {
                            long v = m.newInt(i);
                            m.listAppend(container, v);
                            m.decref(v);
                        }
                    }
                    for (long length : lengths) {
                        while (m.len(container) < length) {
                            long i = m.len(container);
                            long item = g.get("item_build").get("op").asText().equals("str_prefix")
                                    ? m.newStr(g.get("item_build").get("prefix").asText() + i)
                                    : m.newInt(i);
                            switch (name) {
                                case "list_append" -> m.listAppend(container, item);
                                case "set_add" -> m.setAdd(container, item);
                                default -> m.dictSet(container, item, m.none());
                            }
                            m.decref(item);
                        }
                        while (m.len(container) > length) {
                            m.decref(m.listPop(container, -1));
                        }
                        actual.add(m.getsizeof(container));
                    }
                    assertEquals(expected, actual, name);
                    m.decref(container);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> identity() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode id = load(profile).get("identity");
            try (PyRuntime rt = runtime(profile)) {
                Mutator m = rt.mutator();
                JsonNode ints = id.get("small_ints");
                for (int v = ints.get("from").asInt(), i = 0; v <= ints.get("to").asInt(); v++, i++) {
                    long a = m.newInt(v);
                    long b = m.newInt(v);
                    assertEquals(ints.get("identical").get(i).asBoolean(), m.is(a, b), "int " + v);
                    m.decref(a);
                    m.decref(b);
                }
                JsonNode chars = id.get("chr");
                for (int v = chars.get("from").asInt(), i = 0; v <= chars.get("to").asInt(); v++, i++) {
                    long a = m.newStr(Character.toString(v));
                    long b = m.newStr(Character.toString(v));
                    assertEquals(chars.get("identical").get(i).asBoolean(), m.is(a, b), "chr " + v);
                    m.decref(a);
                    m.decref(b);
                }
                JsonNode bytes = id.get("bytes_1");
                for (int v = bytes.get("from").asInt(), i = 0; v <= bytes.get("to").asInt(); v++, i++) {
                    long a = m.newBytes(new byte[] {(byte) v});
                    long b = m.newBytes(new byte[] {(byte) v});
                    assertEquals(bytes.get("identical").get(i).asBoolean(), m.is(a, b), "bytes " + v);
                    m.decref(a);
                    m.decref(b);
                }
                for (JsonNode d : id.get("id_deltas")) {
                    String op = d.get("a").get("op").asText();
                    if (op.equals("str") || op.equals("bytes")) {
                        continue; // the layout of the static one-character caches is not modelled
                    }
                    long a = build(m, d.get("a"));
                    long b = build(m, d.get("b"));
                    assertEquals(d.get("delta").asLong(), m.id(a) - m.id(b), d.get("name").asText());
                    m.decref(a);
                    m.decref(b);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> refcounts() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode data = load(profile);
            for (JsonNode scenario : data.get("refcounts")) {
                try (PyRuntime rt = runtime(profile)) {
                    Mutator m = rt.mutator();
                    long cls = m.newClass(ClassSpec.plain("C"));
                    m.setRoot("C", cls);
                    m.decref(cls);
                    String tracked = scenario.get("tracked").asText();
                    long object = 0;
                    for (JsonNode step : scenario.get("steps")) {
                        replay(m, step);
                        if (object == 0) {
                            object = m.getRoot(tracked);
                        }
                        assertEquals(step.get("refcount").asLong(), m.getrefcount(object),
                                scenario.get("name").asText() + ": " + step.get("python").asText());
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> immortals() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode data = load(profile);
            try (PyRuntime rt = runtime(profile)) {
                Mutator m = rt.mutator();
                for (JsonNode c : data.get("immortals")) {
                    if (!buildable(c.get("build"))) {
                        continue;
                    }
                    String name = c.get("name").asText();
                    long op = build(m, c.get("build"));
                    long before = m.getrefcount(op);
                    for (int i = 0; i < 10; i++) {
                        m.setRoot(name + i, op);
                    }
                    assertEquals(c.get("delta").asLong(), m.getrefcount(op) - before, name + " delta");
                    if (c.has("refcount")) {
                        assertEquals(c.get("refcount").asLong(), m.getrefcount(op), name + " refcount");
                    }
                    for (int i = 0; i < 10; i++) {
                        m.delRoot(name + i);
                    }
                    m.decref(op);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> hashesAndOrder() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode data = load(profile);
            try (PyRuntime rt = runtime(profile)) {
                Mutator m = rt.mutator();
                for (JsonNode c : data.get("hashes")) {
                    long op = build(m, c.get("build"));
                    assertEquals(c.get("hash").asLong(), m.hash(op), c.get("id").asText());
                    m.decref(op);
                }
                for (JsonNode c : data.get("iteration_order")) {
                    String container = c.get("container").asText();
                    boolean strs = c.get("item_type").asText().equals("str");
                    List<Long> items = new ArrayList<>();
                    for (JsonNode v : c.get("inserted")) {
                        items.add(strs ? m.newStr(v.asText()) : m.newInt(new BigInteger(v.asText())));
                    }
                    long[] array = items.stream().mapToLong(Long::longValue).toArray();
                    long op = switch (container) {
                        case "set" -> m.newSet(array);
                        case "frozenset" -> m.newFrozenSet(array);
                        default -> {
                            long d = m.newDict();
                            for (long item : array) {
                                m.dictSet(d, item, m.none());
                            }
                            yield d;
                        }
                    };
                    List<Long> order = container.equals("dict") ? m.dictKeys(op) : m.setItems(op);
                    List<String> actual = order.stream()
                            .map(o -> strs ? m.strValue(o) : m.bigIntValue(o).toString()).toList();
                    List<String> expected = new ArrayList<>();
                    c.get("order").forEach(v -> expected.add(v.asText()));
                    assertEquals(expected, actual, c.get("name").asText());
                    m.decref(op);
                    items.forEach(m::decref);
                }
            }
        }));
    }

    /**
     * The blocks CPython requests for one object (tracemalloc's view: sizes as requested, GC header and
     * pre-header included), against the bytes and blocks the lab's allocator was asked for.
     */
    @TestFactory
    Stream<DynamicTest> allocations() {
        return PROFILES.stream().map(profile -> DynamicTest.dynamicTest(profile, () -> {
            JsonNode data = load(profile);
            int checked = 0;
            for (JsonNode c : data.get("allocations").get("cases")) {
                if (!c.get("stable").asBoolean()) {
                    continue;
                }
                JsonNode b = c.get("build");
                try (PyRuntime rt = runtime(profile)) {
                    Mutator m = rt.mutator();
                    List<Long> owned = new ArrayList<>();
                    long cls = 0;
                    if (b.get("op").asText().equals("instance")) {
                        cls = m.newClass(ClassSpec.plain("C"));
                        for (int i = 1; i < b.get("ordinal").asInt(); i++) {
                            owned.add(instance(m, cls, b));
                        }
                    }
                    // the items exist before the traced line, as in the oracle
                    List<Long> items = new ArrayList<>();
                    for (String field : List.of("items", "keys")) {
                        if (b.has(field)) {
                            b.get(field).forEach(item -> items.add(build(m, item)));
                        }
                    }
                    long bytesBefore = rt.allocator().stats().bytesRequested();
                    long blocksBefore = rt.allocator().stats().liveBlocks();
                    long op = switch (b.get("op").asText()) {
                        case "instance" -> instance(m, cls, b);
                        case "list" -> {
                            long list = m.newList();
                            items.forEach(item -> m.listAppend(list, item));
                            yield list;
                        }
                        case "dict" -> {
                            long d = m.newDict();
                            items.forEach(key -> m.dictSet(d, key, m.none()));
                            yield d;
                        }
                        case "set" -> {
                            long set = m.newSet();
                            items.forEach(item -> m.setAdd(set, item));
                            yield set;
                        }
                        default -> build(m, b);
                    };
                    long expectedBytes = 0;
                    for (JsonNode block : c.get("blocks")) {
                        expectedBytes += block.asLong();
                    }
                    String name = c.get("name").asText();
                    assertEquals(expectedBytes, rt.allocator().stats().bytesRequested() - bytesBefore, name + " bytes");
                    assertEquals(c.get("blocks").size(), rt.allocator().stats().liveBlocks() - blocksBefore,
                            name + " blocks");
                    m.decref(op);
                    items.forEach(m::decref);
                    owned.forEach(m::decref);
                    if (cls != 0) {
                        m.decref(cls);
                    }
                    checked++;
                }
            }
            assertTrue(checked >= 10, "checked " + checked);
        }));
    }

    private static long instance(Mutator m, long cls, JsonNode b) {
        long o = m.newInstance(cls);
        for (JsonNode attr : b.get("attrs")) {
            m.setAttr(o, attr.asText(), m.none());
        }
        return o;
    }

    // ---- building what the oracle describes ----

    private static boolean buildable(JsonNode b) {
        String op = b.get("op").asText();
        return switch (op) {
            case "object", "builtin_type" -> false;
            case "list" -> LIST_METHODS.contains(b.get("method").asText());
            case "instance" -> !b.has("ordinal");
            default -> true;
        } && (!b.has("items") || all(b.get("items"))) && (!b.has("keys") || all(b.get("keys")));
    }

    private static boolean all(JsonNode items) {
        for (JsonNode i : items) {
            if (!buildable(i)) {
                return false;
            }
        }
        return true;
    }

    /** A new reference to the object the descriptor describes. */
    private static long build(Mutator m, JsonNode b) {
        return switch (b.get("op").asText()) {
            case "int" -> m.newInt(new BigInteger(b.get("value").asText()));
            case "bool" -> ref(m, m.bool(b.get("value").asBoolean()));
            case "none" -> ref(m, m.none());
            case "float" -> m.newFloat(Double.parseDouble(b.get("value").asText()));
            case "str" -> m.newStr(codepoints(b));
            case "interned_str" -> {
                long s = m.newStr(codepoints(b));
                long interned = m.intern(s);
                m.decref(s);
                yield interned;
            }
            case "bytes" -> {
                JsonNode values = b.get("values");
                byte[] bytes = new byte[values.size()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) values.get(i).asInt();
                }
                yield m.newBytes(bytes);
            }
            case "singleton" -> ref(m, b.get("name").asText().equals("Ellipsis") ? m.ellipsis() : m.notImplemented());
            case "tuple" -> withItems(m, b.get("items"), m::newTuple);
            case "frozenset" -> withItems(m, b.get("items"), m::newFrozenSet);
            case "set" -> withItems(m, b.get("items"), m::newSet);
            case "list" -> {
                if (b.get("method").asText().equals("append") || b.get("method").asText().equals("comprehension")) {
                    long list = m.newList();
                    for (JsonNode item : b.get("items")) {
                        long o = build(m, item);
                        m.listAppend(list, o);
                        m.decref(o);
                    }
                    yield list;
                }
                String method = b.get("method").asText();
                // a display of three or more constants is LIST_EXTEND of a constant tuple: list(tuple)
                boolean fromIterable = method.equals("list_call")
                        || method.equals("literal_consts") && b.get("items").size() >= 3;
                yield withItems(m, b.get("items"), fromIterable ? m::newListFrom : m::newList);
            }
            case "dict" -> {
                long d = m.newDict();
                for (JsonNode key : b.get("keys")) {
                    long k = build(m, key);
                    m.dictSet(d, k, m.none());
                    m.decref(k);
                }
                yield d;
            }
            case "instance" -> {
                JsonNode slots = b.get("slots");
                List<String> names = new ArrayList<>();
                if (slots != null && !slots.isNull()) {
                    slots.forEach(s -> names.add(s.asText()));
                }
                long cls = m.newClass(slots == null || slots.isNull()
                        ? ClassSpec.plain("C") : ClassSpec.withSlots("C", names.toArray(String[]::new)));
                long o = m.newInstance(cls);
                m.decref(cls);
                for (JsonNode attr : b.get("attrs")) {
                    m.setAttr(o, attr.asText(), m.none());
                }
                yield o;
            }
            case "heap_class" -> m.newClass(ClassSpec.plain("C"));
            default -> throw new IllegalArgumentException("cannot build " + b);
        };
    }

    private static long ref(Mutator m, long borrowed) {
        m.incref(borrowed);
        return borrowed;
    }

    private static String codepoints(JsonNode b) {
        StringBuilder sb = new StringBuilder();
        b.get("codepoints").forEach(cp -> sb.appendCodePoint(cp.asInt()));
        return sb.toString();
    }

    private static long withItems(Mutator m, JsonNode items, java.util.function.Function<long[], Long> make) {
        long[] built = new long[items.size()];
        for (int i = 0; i < built.length; i++) {
            built[i] = build(m, items.get(i));
        }
        long op = make.apply(built);
        for (long o : built) {
            m.decref(o);
        }
        return op;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asLong()));
        return out;
    }

    // ---- the refcount scenarios' vocabulary ----

    private static void bind(Mutator m, String name, long newRef) {
        m.setRoot(name, newRef);
        m.decref(newRef);
    }

    private static long source(Mutator m, JsonNode step) {
        JsonNode s = step.get("source");
        return s == null || s.isNull() ? m.none() : m.getRoot(s.asText());
    }

    private static void replay(Mutator m, JsonNode step) {
        String target = step.has("target") ? step.get("target").asText() : null;
        switch (step.get("op").asText()) {
            case "new_list" -> bind(m, target, m.newList());
            case "new_dict" -> bind(m, target, m.newDict());
            case "new_set" -> bind(m, target, m.newSet());
            case "new_instance" -> bind(m, target, m.newInstance(m.getRoot("C")));
            case "alias" -> m.setRoot(target, source(m, step));
            case "assign_none" -> m.setRoot(target, m.none());
            case "del_name" -> m.delRoot(target);
            case "list_of", "tuple_of" -> {
                List<Long> items = new ArrayList<>();
                step.get("items").forEach(i -> items.add(m.getRoot(i.asText())));
                long[] array = items.stream().mapToLong(Long::longValue).toArray();
                bind(m, target, step.get("op").asText().equals("list_of") ? m.newList(array) : m.newTuple(array));
            }
            case "list_append" -> m.listAppend(m.getRoot(target), source(m, step));
            case "list_pop" -> m.decref(m.listPop(m.getRoot(target), -1));
            case "list_clear" -> m.listClear(m.getRoot(target));
            case "list_repeat" -> {
                long src = source(m, step);
                int count = step.get("count").asInt();
                long n = m.len(src);
                long[] items = new long[(int) (n * count)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = m.listGet(src, i % n);
                }
                bind(m, target, m.newList(items));
            }
            case "dict_set" -> {
                long key = m.newStr(step.get("key").asText());
                m.dictSet(m.getRoot(target), key, source(m, step));
                m.decref(key);
            }
            case "dict_del" -> {
                long key = m.newStr(step.get("key").asText());
                m.dictDel(m.getRoot(target), key);
                m.decref(key);
            }
            case "dict_key" -> m.dictSet(m.getRoot(target), source(m, step), m.none());
            case "set_add" -> m.setAdd(m.getRoot(target), source(m, step));
            case "set_discard" -> m.setDiscard(m.getRoot(target), source(m, step));
            case "attr_set" -> m.setAttr(m.getRoot(target), step.get("attr").asText(), source(m, step));
            case "attr_del" -> m.delAttr(m.getRoot(target), step.get("attr").asText());
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }
}
