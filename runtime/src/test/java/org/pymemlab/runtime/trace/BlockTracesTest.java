package org.pymemlab.runtime.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.ObjectSpace;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;

class BlockTracesTest {

    /** A locator whose answer the test sets, standing for the line a program is on. */
    private static final class Line implements BlockTraces.Locator {
        String now = "start";

        @Override
        public Object where() {
            return now;
        }
    }

    private static PyRuntime runtime(String profile) {
        return PyRuntime.create(ConfigLayers.builder(BlockTracesTest.class.getClassLoader())
                .set("pymem.profile", profile).build().config());
    }

    @Test
    void tablesFollowCpythonRulesForUnknownBlocksResizesAndPeaks() {
        Line line = new Line();
        BlockTraces t = new BlockTraces(line);
        t.freed(0x1000); // allocated before tracing: nothing to forget
        assertEquals(0, t.tracedMemory());
        t.allocated(0x2000, 100);
        line.now = "grow";
        t.resized(0x3000, 0x3000, 64); // an untraced block resized in place is traced from now on, whole
        assertEquals(164, t.tracedMemory());
        assertEquals("grow", t.whereOf(0x3000));
        t.resized(0x2000, 0x4000, 300); // moved: the old trace goes
        assertNull(t.whereOf(0x2000));
        assertEquals(364, t.tracedMemory());
        assertEquals(364, t.peakMemory());
        t.freed(0x4000);
        assertEquals(64, t.tracedMemory());
        assertEquals(364, t.peakMemory());
        t.resetPeak();
        assertEquals(64, t.peakMemory());
        line.now = "again";
        t.renewed(0x3000);
        t.renewed(0x9000); // untraced: stays unknown
        assertEquals("again", t.whereOf(0x3000));
        assertNull(t.whereOf(0x9000));
        assertEquals(List.of(new BlockTraces.Trace(0x3000, 64, "again")), t.traces());
        t.clear();
        assertEquals(0, t.count());
        assertEquals(0, t.peakMemory());
    }

    @Test
    void heapReportsEveryBlockWhileTracedAndNoneAfter() {
        try (PyRuntime rt = runtime("cpython-3.13")) {
            Mutator m = rt.mutator();
            ObjectSpace os = m.objectSpace();
            long before = m.newList();
            Line line = new Line();
            BlockTraces traces = new BlockTraces(line);
            os.traceBlocks(traces);
            line.now = "ints";
            long parsed = m.newInt(1000); // the digits path: exactly 28 bytes
            long medium = m.newMediumInt(1000); // PyLong_FromLong: sizeof(PyLongObject)
            assertEquals(28 + 32, traces.tracedMemory());
            assertEquals("ints", traces.whereOf(os.blockOf(medium)));
            line.now = "append";
            m.listAppend(before, parsed); // the list object predates tracing; its new item array does not
            assertEquals(28 + 32 + 4 * 8, traces.tracedMemory());
            assertNull(traces.whereOf(os.blockOf(before)));
            m.decref(medium);
            assertEquals(28 + 4 * 8, traces.tracedMemory());
            os.traceBlocks(null);
            long untraced = m.newMediumInt(5000);
            assertEquals(28 + 4 * 8, traces.tracedMemory());
            m.decref(untraced);
            m.decref(parsed);
            m.decref(before);
        }
    }

    @Test
    void objectFromAFreeListTakesTheCurrentPlaceWhenItsBlockIsTraced() {
        try (PyRuntime rt = runtime("cpython-3.12")) {
            Mutator m = rt.mutator();
            ObjectSpace os = m.objectSpace();
            Line line = new Line();
            BlockTraces traces = new BlockTraces(line);
            os.traceBlocks(traces);
            line.now = "first";
            long f = m.newFloat(1.5);
            long block = os.blockOf(f);
            m.decref(f); // onto the float free list: still traced where it was made
            assertEquals("first", traces.whereOf(block));
            line.now = "second";
            long g = m.newFloat(2.5);
            assertEquals(block, os.blockOf(g));
            assertEquals("second", traces.whereOf(block));
            assertTrue(traces.tracedMemory() >= 24);
            m.decref(g);
            os.traceBlocks(null);
        }
    }
}
