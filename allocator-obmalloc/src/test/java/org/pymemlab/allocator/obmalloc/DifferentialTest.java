package org.pymemlab.allocator.obmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pymemlab.api.allocator.MemoryDomain.OBJECT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test against CPython's real pymalloc. {@code tools/oracle/pymalloc_streams.py} drove
 * {@code PyObject_Malloc}/{@code PyObject_Free} in CPython 3.11, 3.12 and 3.13 with request streams of
 * known shape and recorded the changes in the {@code sys._debugmallocstats()} figures at checkpoints
 * ({@code src/test/resources/differential/cpython-3.1x.json}, written by
 * {@code tools/oracle/pymalloc_generate.sh}; never edit them by hand). This test builds the identical
 * request sequence ({@link StreamProgram}, checked against CPython's checksum), replays it on
 * {@code obmalloc} with CPython's geometry, and asserts the same changes, exactly:
 *
 * <ul>
 *   <li>per size class: pools in use and blocks in use;</li>
 *   <li>arenas allocated total, reclaimed, highwater mark, currently allocated;</li>
 *   <li>unused pools (the arenas' {@code nfreepools} summed) and pools lost to arena alignment.</li>
 * </ul>
 *
 * <p>Both sides start from the same primed state (the script's docstring explains how CPython gets
 * there): every arena full, class 31 full, every other class with exactly one partly used pool that
 * holds one block. Arenas come from mmap at the alignment CPython's stream arenas had (the JSON says
 * "aligned": 64 pools, or "misaligned": 63).
 *
 * <p>Differences that are understood and not a bug would be listed in {@link #KNOWN_DIFFERENCES} with
 * their reason; there are none.
 */
class DifferentialTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VERSIONS = List.of("3.11", "3.12", "3.13");

    /** "stream/checkpoint" → why obmalloc may differ from CPython there. Empty: everything matches. */
    private static final Map<String, String> KNOWN_DIFFERENCES = Map.of();

    @TestFactory
    Stream<DynamicNode> obmallocChangesTheFiguresAsCPythonDoes() {
        return VERSIONS.stream().map(version -> {
            JsonNode doc = load(version);
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode stream : doc.get("streams")) {
                tests.add(DynamicTest.dynamicTest(stream.get("name").asText(), () -> replay(doc, stream)));
            }
            return DynamicContainer.dynamicContainer("CPython " + version, tests);
        });
    }

    private static JsonNode load(String version) {
        String resource = "/differential/cpython-" + version + ".json";
        try (InputStream in = DifferentialTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing: run tools/oracle/pymalloc_generate.sh");
            JsonNode doc = JSON.readTree(in);
            assertEquals(1, doc.get("schema_version").asInt(), resource);
            return doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replay(JsonNode doc, JsonNode stream) {
        JsonNode geometry = doc.get("meta").get("geometry");
        ObmallocSettings settings = new ObmallocSettings(geometry.get("arena_size").asLong(),
                geometry.get("pool_size").asLong(), geometry.get("alignment").asLong(),
                geometry.get("small_request_threshold").asLong());
        assertEquals(geometry.get("size_classes").asInt(), settings.sizeClasses());
        assertEquals(geometry.get("pool_overhead").asInt(), settings.poolOverhead());

        StreamProgram program = StreamProgram.build(stream);
        JsonNode recorded = stream.get("program");
        assertEquals(recorded.get("steps").asInt(), program.steps(), "program length");
        assertEquals(recorded.get("allocs").asInt(), program.allocs(), "allocations");
        assertEquals(recorded.get("fnv1a64").asText(), program.fnv1a64(),
                "the Java program differs from the script's (StreamProgram vs pymalloc_streams.py)");

        boolean aligned = switch (stream.get("arena_alignment").asText()) {
            case "aligned" -> true;
            case "misaligned" -> false;
            default -> throw new IllegalArgumentException(stream.get("arena_alignment").asText());
        };
        try (ObmallocAllocator allocator = new ObmallocAllocator(settings, new AlignedArenaSource(settings, aligned))) {
            Pymalloc pymalloc = allocator.pymalloc();
            prime(allocator, settings);
            Figures base = Figures.of(settings, pymalloc);
            assertPrimed(settings, base);

            long[] addrs = new long[program.allocs()];
            int[] sizes = program.sizes();
            int[] slots = program.slots();
            List<String> mismatches = new ArrayList<>();
            int step = 0;
            List<JsonNode> expected = new ArrayList<>();
            stream.get("checkpoints").forEach(expected::add);
            assertEquals(program.checkpoints().size(), expected.size(), "checkpoints");
            for (int i = 0; i < expected.size(); i++) {
                StreamProgram.Checkpoint checkpoint = program.checkpoints().get(i);
                for (; step < checkpoint.step(); step++) {
                    if (sizes[step] != 0) {
                        addrs[slots[step]] = allocator.malloc(OBJECT, sizes[step]);
                    } else {
                        allocator.free(OBJECT, addrs[slots[step]]);
                    }
                }
                Invariants.check(settings, pymalloc);
                Figures now = Figures.of(settings, pymalloc);
                compare(stream.get("name").asText(), expected.get(i), checkpoint, base, now, mismatches);
            }
            if (!mismatches.isEmpty()) {
                fail("obmalloc differs from CPython " + doc.get("meta").get("version_info").get(0) + "."
                        + doc.get("meta").get("version_info").get(1) + " (change since the baseline, CPython vs obmalloc):\n  "
                        + String.join("\n  ", mismatches));
            }
        }
    }

    /**
     * The state the script primes CPython into: one block ("keeper") in a fresh pool of every class but
     * the last, then the last class fills every free pool of every arena.
     */
    private static void prime(ObmallocAllocator allocator, ObmallocSettings settings) {
        int last = settings.sizeClasses() - 1;
        for (int c = 0; c < last; c++) {
            assertTrue(allocator.malloc(OBJECT, settings.blockSize(c)) != 0);
        }
        Pymalloc pymalloc = allocator.pymalloc();
        UsedPools used = pymalloc.usedPools();
        while (pymalloc.arenas().usableArenas() != ArenaTable.NIL || used.first(last) != used.head(last)) {
            assertTrue(allocator.malloc(OBJECT, settings.blockSize(last)) != 0);
        }
    }

    /** The checks the script makes of CPython's baseline, made of ours. */
    private static void assertPrimed(ObmallocSettings settings, Figures base) {
        int last = settings.sizeClasses() - 1;
        assertEquals(0, base.unused, "unused pools at the baseline");
        assertEquals(0, base.avail[last], "free blocks of the last class at the baseline");
        for (int c = 0; c < last; c++) {
            assertEquals(settings.blocksPerPool(c) - 1, base.avail[c], "free blocks of class " + c + " at the baseline");
        }
    }

    private static void compare(String stream, JsonNode want, StreamProgram.Checkpoint checkpoint, Figures base,
            Figures now, List<String> mismatches) {
        assertEquals(want.get("name").asText(), checkpoint.name());
        assertEquals(want.get("step").asInt(), checkpoint.step());
        String where = checkpoint.name() + " (step " + checkpoint.step() + ")";
        String known = KNOWN_DIFFERENCES.get(stream + "/" + checkpoint.name());
        List<String> found = new ArrayList<>();
        Map<Integer, long[]> classes = new HashMap<>();
        want.get("classes").properties().forEach(e ->
                classes.put(Integer.parseInt(e.getKey()),
                        new long[] {e.getValue().get("pools").asLong(), e.getValue().get("blocks").asLong()}));
        for (int c = 0; c < now.pools.length; c++) {
            long[] cp = classes.getOrDefault(c, new long[2]);
            check(found, where + ": class " + c + " pools", cp[0], now.pools[c] - base.pools[c]);
            check(found, where + ": class " + c + " blocks in use", cp[1], now.blocks[c] - base.blocks[c]);
        }
        check(found, where + ": arenas allocated total", want.get("arenas_allocated_total").asLong(), now.total - base.total);
        check(found, where + ": arenas reclaimed", want.get("arenas_reclaimed").asLong(), now.reclaimed - base.reclaimed);
        check(found, where + ": arenas highwater mark", want.get("arenas_highwater").asLong(), now.highwater - base.highwater);
        check(found, where + ": arenas allocated current", want.get("arenas_current").asLong(), now.current - base.current);
        check(found, where + ": unused pools", want.get("unused_pools").asLong(), now.unused - base.unused);
        check(found, where + ": pools lost to arena alignment", want.get("alignment_lost_pools").asLong(),
                now.alignmentLost - base.alignmentLost);
        if (known != null) {
            assertTrue(!found.isEmpty(), stream + "/" + checkpoint.name() + " is listed as a known difference but matches");
            return;
        }
        mismatches.addAll(found);
    }

    private static void check(List<String> found, String what, long cpython, long obmalloc) {
        if (cpython != obmalloc) {
            found.add(String.format("%s: %+d vs %+d", what, cpython, obmalloc));
        }
    }

    /** The {@code _debugmallocstats} figures the script reads, taken from obmalloc's census. */
    private record Figures(long[] pools, long[] blocks, long[] avail, long total, long reclaimed, long highwater,
            long current, long unused, long alignmentLost) {

        static Figures of(ObmallocSettings settings, Pymalloc pymalloc) {
            ArenaTable arenas = pymalloc.arenas();
            PoolCensus census = PoolCensus.take(settings, arenas);
            int classes = settings.sizeClasses();
            long[] pools = new long[classes];
            long[] blocks = new long[classes];
            long[] avail = new long[classes];
            for (int c = 0; c < classes; c++) {
                pools[c] = census.numPools[c];
                blocks[c] = census.numBlocks[c];
                avail[c] = census.numFreeBlocks[c];
            }
            return new Figures(pools, blocks, avail, arenas.timesAllocated(),
                    arenas.timesAllocated() - arenas.currentlyAllocated(), arenas.highwater(),
                    arenas.currentlyAllocated(), census.unusedPools, census.arenaAlignmentBytes / settings.poolSize());
        }
    }

    /**
     * Real mmap'd arenas placed at a pool boundary ({@code aligned}: all {@code MAX_POOLS_IN_ARENA}
     * pools usable) or one page past it (one pool lost, as CPython's mmap'd arenas usually are).
     */
    static final class AlignedArenaSource implements ArenaSource {
        private static final long PAGE = 4096;
        private final MmapArenaSource mmap = new MmapArenaSource();
        private final Map<Long, Long> bases = new HashMap<>();
        private final long poolSize;
        private final boolean aligned;

        AlignedArenaSource(ObmallocSettings settings, boolean aligned) {
            this.poolSize = settings.poolSize();
            this.aligned = aligned;
        }

        @Override
        public long map(long size) {
            long base = mmap.map(size + 2 * poolSize);
            if (base == 0) {
                return 0;
            }
            long arena = ((base + poolSize - 1) & -poolSize) + (aligned ? 0 : PAGE);
            bases.put(arena, base);
            return arena;
        }

        @Override
        public void unmap(long address, long size) {
            mmap.unmap(bases.remove(address), size + 2 * poolSize);
        }
    }
}
