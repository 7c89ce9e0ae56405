package org.pymemlab.runtime.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.LeakReport;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.plugin.PluginRegistry;

/**
 * Replays the scenarios tools/oracle/gc_scenarios.py ran on CPython 3.11, 3.12 and 3.13 (see its docstring for
 * the step vocabulary) through {@link Mutator} and {@link Mutator#gc()}:
 * <ul>
 *   <li>on {@code generational} (obmalloc, cpython interning, the matching profile) every answer CPython gave is
 *       asserted;</li>
 *   <li>on {@code refcount-only} the same steps run, and at the end the runtime's leak report names exactly the
 *       cyclic garbage CPython found (objects, bytes, types), for the scenarios that record it.</li>
 * </ul>
 * Scenarios listed in {@link #KNOWN_GAPS} for a profile are reported as skipped, with the reason.
 */
class GcScenarioTest {

    private static final List<String> PROFILES = List.of("cpython-3.11", "cpython-3.12", "cpython-3.13");

    /** profile/scenario → why the lab cannot answer as CPython does yet (skipped, with the reason). */
    private static final Map<String, String> KNOWN_GAPS = Map.of();

    /**
     * scenario/python of one query → why that answer differs; the query runs but is not compared. CPython's
     * list_traverse visits items last to first; the lab's ListObjects.traverse goes first to last (the order of
     * get_referents of a list, and of visits during a collection).
     */
    private static final Map<String, String> KNOWN_STEP_GAPS = Map.of();

    private static JsonNode load(String profile) throws IOException {
        try (InputStream in = GcScenarioTest.class.getResourceAsStream("/gc/" + profile + ".json")) {
            if (in == null) {
                throw new IOException("missing /gc/" + profile + ".json: run tools/oracle/gc_generate.sh");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    @TestFactory
    Stream<DynamicNode> generational() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (String profile : PROFILES) {
            JsonNode data = load(profile);
            assertEquals(1, data.get("schema_version").asInt());
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode scenario : data.get("scenarios")) {
                String name = scenario.get("name").asText();
                String gap = KNOWN_GAPS.get(profile + "/" + name);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    org.junit.jupiter.api.Assumptions.assumeTrue(gap == null, gap);
                    try (Replay r = new Replay(profile, "generational")) {
                        r.run(scenario, true);
                    }
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(profile, tests));
        }
        return nodes.stream();
    }

    @TestFactory
    Stream<DynamicNode> refcountOnlyLeaksTheCyclicGarbage() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (String profile : PROFILES) {
            JsonNode data = load(profile);
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode scenario : data.get("scenarios")) {
                if (!scenario.has("leak")) {
                    continue;
                }
                String name = scenario.get("name").asText();
                String gap = KNOWN_GAPS.get(profile + "/" + name);
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    org.junit.jupiter.api.Assumptions.assumeTrue(gap == null, gap);
                    try (Replay r = new Replay(profile, "refcount-only")) {
                        r.run(scenario, false);
                        r.dropAllNames(scenario);
                        JsonNode leak = scenario.get("leak");
                        LeakReport report = r.rt.leaks();
                        Map<String, Long> byType = new TreeMap<>();
                        leak.get("by_type").properties().forEach(e -> byType.put(e.getKey(), e.getValue().asLong()));
                        assertEquals(byType, new TreeMap<>(report.byType()), name + ": leaked types");
                        assertEquals(leak.get("objects").asLong(), report.objects(), name + ": leaked objects");
                        assertEquals(leak.get("bytes").asLong(), report.bytes(), name + ": leaked bytes");
                    }
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(profile, tests));
        }
        return nodes.stream();
    }

    /** One scenario on one runtime. */
    private static final class Replay implements AutoCloseable {

        final PyRuntime rt;
        final Mutator m;
        final GcModule gc;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Map<Long, String> labels = new HashMap<>();
        final List<String> log = new ArrayList<>();
        final List<Long> rec = new ArrayList<>();
        final String profile;
        List<GcModule.GenerationCounters> base;
        GcModule.CallbackRegistration recording;

        Replay(String profile, String collector) {
            this.profile = profile;
            rt = PyRuntime.create(ConfigLayers.builder(GcScenarioTest.class.getClassLoader())
                            .set("pymem.profile", profile)
                            .set("pymem.allocator", "obmalloc")
                            .set("pymem.collector", collector)
                            .set("pymem.interning", "cpython")
                            .build().config(),
                    PluginRegistry.load(GcScenarioTest.class.getClassLoader()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            m = rt.mutator();
            gc = m.gc();
        }

        /** The prelude of gc_scenarios.py: classes A, D, L, S and the list saved; then the common start. */
        void prelude() {
            bindClass("A", ClassSpec.plain("A"));
            bindClass("D", ClassSpec.plain("D").withFinalizer((mm, self) -> log.add(labels.getOrDefault(self, "?"))));
            bindClass("L", ClassSpec.plain("L").withFinalizer((mm, self) -> {
                log.add(labels.getOrDefault(self, "?"));
                mm.listAppend(mm.getRoot("saved"), self);
            }));
            bindClass("S", ClassSpec.withSlots("S", "a", "b"));
            bind("saved", m.newList());
            gc.disable();
            gc.collect();
            base = gc.getStats();
            gc.freeze();
        }

        private void bindClass(String name, ClassSpec spec) {
            bind(name, m.newClass(spec));
        }

        /** Binds a new reference to a name, labels the object, and gives the reference up. */
        private void bind(String name, long op) {
            m.setRoot(name, op);
            labels.put(op, name);
            m.decref(op);
        }

        private long root(String name) {
            long op = m.getRoot(name);
            assertTrue(op != 0, "no name " + name);
            return op;
        }

        void run(JsonNode scenario, boolean check) {
            prelude();
            String name = scenario.get("name").asText();
            for (JsonNode step : scenario.get("steps")) {
                Object actual = step(step);
                if (check && step.has("expect") && !step.get("expect").isNull()
                        && !KNOWN_STEP_GAPS.containsKey(name + "/" + step.get("python").asText())) {
                    Object expected = new ObjectMapper().convertValue(step.get("expect"), Object.class);
                    assertEquals(normalise(expected), normalise(actual),
                            profile + " " + name + ": " + step.get("python").asText());
                }
            }
        }

        void dropAllNames(JsonNode scenario) {
            for (JsonNode step : scenario.get("steps")) {
                if (step.has("target")) {
                    m.delRoot(step.get("target").asText());
                }
            }
            m.delRoot("c");
        }

        /** JSON numbers come back as Integer; the replay answers in long. */
        private static Object normalise(Object o) {
            if (o instanceof Number n) {
                return n.longValue();
            }
            if (o instanceof List<?> l) {
                return l.stream().map(Replay::normalise).toList();
            }
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> out = new TreeMap<>();
                map.forEach((k, v) -> out.put(k.toString(), normalise(v)));
                return out;
            }
            return o;
        }

        private List<Long> items(JsonNode step) {
            List<Long> out = new ArrayList<>();
            step.get("items").forEach(i -> out.add(root(i.asText())));
            return out;
        }

        private Object step(JsonNode step) {
            String op = step.get("op").asText();
            String t = step.has("target") ? step.get("target").asText() : null;
            String src = step.has("source") ? step.get("source").asText() : null;
            switch (op) {
                case "list" -> bind(t, m.newList(items(step).stream().mapToLong(Long::longValue).toArray()));
                case "tuple" -> bind(t, m.newTuple(items(step).stream().mapToLong(Long::longValue).toArray()));
                case "dict" -> bind(t, m.newDict());
                case "instance" -> bind(t, m.newInstance(root(step.get("cls").asText())));
                case "int" -> bind(t, m.newInt(step.get("value").asLong()));
                case "weakref" -> {
                    boolean callback = step.get("callback").asBoolean();
                    // type_call packs weakref.ref's arguments into a tuple (made, then dropped)
                    emulateArgsTuple(callback ? 2 : 1);
                    bind(t, m.newWeakref(root(src), callback ? (mm, wr) -> log.add(labels.getOrDefault(wr, "?")) : null));
                }
                case "append" -> m.listAppend(root(t), root(src));
                case "setitem" -> {
                    long key = m.newStr(step.get("key").asText());
                    m.dictSet(root(t), key, root(src));
                    m.decref(key);
                }
                case "delitem" -> {
                    long key = m.newStr(step.get("key").asText());
                    m.dictDel(root(t), key);
                    m.decref(key);
                }
                case "setattr" -> m.setAttr(root(t), step.get("attr").asText(), root(src));
                case "clear" -> m.listClear(root(t));
                case "alias" -> m.setRoot(t, root(src));
                case "del" -> m.delRoot(t);
                case "lists" -> {
                    long keep = root(t);
                    for (int i = 0; i < step.get("count").asInt(); i++) {
                        long l = m.newList();
                        m.listAppend(keep, l);
                        m.decref(l);
                        m.safePoint(); // JUMP_BACKWARD checks the eval breaker
                    }
                }
                case "cycles" -> {
                    for (int i = 0; i < step.get("count").asInt(); i++) {
                        long c = m.newList();
                        m.setRoot("c", c);
                        m.decref(c);
                        m.listAppend(c, c);
                        m.safePoint();
                    }
                    m.delRoot("c");
                }
                case "enable" -> gc.enable();
                case "disable" -> gc.disable();
                case "freeze" -> gc.freeze();
                case "unfreeze" -> gc.unfreeze();
                case "threshold" -> {
                    int[] values = new int[step.get("values").size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = step.get("values").get(i).asInt();
                    }
                    emulateArgsTuple(values.length); // gc.set_threshold is METH_VARARGS
                    gc.setThreshold(values);
                }
                case "debug" -> gc.setDebug(step.get("flags").asInt());
                case "clear_saved" -> m.listClear(root("saved"));
                case "collect" -> {
                    return gc.collect(step.get("generation").asInt());
                }
                case "count" -> {
                    List<Integer> c = gc.getCount();
                    emulateCountTuple(c);
                    return c.stream().map(Integer::longValue).toList();
                }
                case "stats" -> {
                    List<GcModule.GenerationCounters> now = gc.getStats();
                    List<List<Long>> out = new ArrayList<>();
                    for (int g = 0; g < now.size(); g++) {
                        GcModule.GenerationCounters a = now.get(g);
                        GcModule.GenerationCounters b = base.get(g);
                        out.add(List.of(a.collections() - b.collections(), a.collected() - b.collected(),
                                a.uncollectable() - b.uncollectable()));
                    }
                    return out;
                }
                case "tracked" -> {
                    return gc.isTracked(root(t));
                }
                case "finalized" -> {
                    return gc.isFinalized(root(t));
                }
                case "alive" -> {
                    return m.weakrefGet(root(t)) != m.none();
                }
                case "log" -> {
                    String joined = String.join("|", log);
                    log.clear();
                    return joined;
                }
                case "freeze_count" -> {
                    return gc.getFreezeCount() == 0;
                }
                case "record_on" -> {
                    rec.clear();
                    recording = gc.addCallback((mm, phase, info) -> {
                        emulateInfoDict(info);
                        rec.add(phase.equals("start") ? (long) info.generation() : info.collected());
                    });
                }
                case "record_off" -> {
                    recording.close();
                    return List.copyOf(rec);
                }
                case "objects" -> {
                    return labelled(gc.getObjects(step.get("generation").asInt()), false);
                }
                case "referrers" -> {
                    return labelled(gc.getReferrers(root(t)), false);
                }
                case "referents" -> {
                    return labelled(gc.getReferents(root(t)), true);
                }
                case "garbage" -> {
                    return labelled(gc.garbage(), false);
                }
                case "stderr" -> {
                    err.reset();
                    long result = gc.collect(step.get("generation").asInt());
                    String text = err.toString(StandardCharsets.UTF_8)
                            .replaceAll("\\d+\\.\\d{4}s elapsed", "#s elapsed")
                            .replaceAll("0x[0-9a-f]+", "0x#")
                            .replaceAll("(objects in permanent generation: )\\d+", "$1#");
                    return Map.of("result", result, "lines", List.of(text.split("\n")));
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
            return null;
        }

        private List<String> labelled(List<Long> objects, boolean typeNames) {
            List<String> out = new ArrayList<>();
            for (long op : objects) {
                String label = labels.get(op);
                if (label == null && typeNames) {
                    label = m.typeName(op);
                }
                if (label != null) {
                    out.add(label);
                }
            }
            return out;
        }

        /** gc.get_count() builds a 3-tuple of ints, dropped at once by the scenario: the replay does too. */
        private void emulateCountTuple(List<Integer> c) {
            long a = m.newInt(c.get(0));
            long b = m.newInt(c.get(1));
            long d = m.newInt(c.get(2));
            long t = m.newTuple(a, b, d);
            m.decref(a);
            m.decref(b);
            m.decref(d);
            m.decref(t);
        }

        /** A call that packs its arguments into a tuple: the tuple is made and dropped (free list or not). */
        private void emulateArgsTuple(int n) {
            long[] items = new long[n];
            java.util.Arrays.fill(items, m.none());
            m.decref(m.newTuple(items));
        }

        /** invoke_gc_callback builds the info dict {generation, collected, uncollectable} for each phase. */
        private void emulateInfoDict(GcCallback.Info info) {
            long dict = m.newDict();
            put(dict, "generation", info.generation());
            put(dict, "collected", info.collected());
            put(dict, "uncollectable", info.uncollectable());
            m.decref(dict);
        }

        private void put(long dict, String key, long value) {
            long k = m.newStr(key);
            long v = m.newInt(value);
            m.dictSet(dict, k, v);
            m.decref(k);
            m.decref(v);
        }

        @Override
        public void close() {
            rt.close();
        }
    }
}
