package org.pymemlab.examples.everyn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.collector.Collector;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.collector.HeapView;
import org.pymemlab.testkit.CollectorContract;
import org.pymemlab.testkit.FakeHeap;
import org.pymemlab.testkit.PluginAssembly;

/** The kit's collector contract (cycles found; finalizer garbage left alone), plus the every-N rule. */
class EveryNCollectorContractTest extends CollectorContract {

    @Override
    protected String providerId() {
        return "every-n";
    }

    @Override
    protected String config() {
        return "pymem.every-n.allocations = 0"; // the suite collects when it says so
    }

    @Override
    protected boolean collectsCycles() {
        return true;
    }

    @Override
    protected boolean runsFinalizers() {
        return false;
    }

    @Test
    void aCycleIsCollectedByTheNthAllocation() {
        try (FakeHeap every3 = new FakeHeap()) {
            var provider = PluginAssembly.provider(CollectorProvider.class, "every-n");
            Collector c = PluginAssembly.build(Collector.class, provider,
                    PluginAssembly.config("pymem.every-n.allocations = 3"),
                    binder -> binder.bind(HeapView.class).toInstance(every3));
            every3.attach(c);
            long a = every3.object("a"); // allocation 1
            long b = every3.object("b"); // allocation 2
            every3.link(a, b);
            every3.link(b, a);
            every3.decref(a);
            every3.decref(b);
            assertTrue(every3.isAlive(a));
            every3.object("c"); // allocation 3: a full collection first
            assertTrue(every3.isFreed(a) && every3.isFreed(b));
            assertEquals(1, c.stats().details().get("every-n.automatic-collections"));
            assertEquals(2, c.stats().totalCollected());
        }
    }

    @Test
    void aNegativeNIsRejected() {
        var provider = PluginAssembly.provider(CollectorProvider.class, "every-n");
        var e = assertThrows(PluginConfigException.class,
                () -> provider.module(PluginAssembly.config("pymem.every-n.allocations = -1")));
        assertEquals("pymem.every-n.allocations = -1: an integer >= 0 (0: only when asked)", e.getMessage());
        Guice.createInjector(binder -> { }); // Guice is on the test class path through core-api
    }
}
