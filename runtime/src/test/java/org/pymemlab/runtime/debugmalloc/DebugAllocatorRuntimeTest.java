package org.pymemlab.runtime.debugmalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.typesafe.config.Config;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pymemlab.allocator.obmalloc.ObmallocAllocatorProvider;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.runtime.ClassSpec;
import org.pymemlab.runtime.Mutator;
import org.pymemlab.runtime.PyRuntime;
import org.pymemlab.runtime.config.ConfigLayers;
import org.pymemlab.runtime.plugin.PluginRegistry;

/**
 * The whole runtime on obmalloc wrapped in the debug allocator: building and dropping objects of every
 * kind, with resizes and a cycle collection, must raise no memory error and leave every block intact.
 * (The wrapper comes in through a test-only provider, so this test does not depend on how the runtime
 * will switch it on.)
 */
class DebugAllocatorRuntimeTest {

    /** {@code obmalloc}, wrapped. Test only: it builds the inner allocator inside {@link #module}. */
    public static final class DebugObmallocProvider implements AllocatorProvider {

        public DebugObmallocProvider() {
        }

        @Override
        public String id() {
            return "debug-obmalloc";
        }

        @Override
        public String description() {
            return "obmalloc inside the debug allocator (test)";
        }

        @Override
        public String configPath() {
            return "pymem.obmalloc";
        }

        @Override
        public Module module(Config config) {
            Allocator inner = Guice.createInjector(new ObmallocAllocatorProvider().module(config))
                    .getInstance(Allocator.class);
            DebugAllocator debug = new DebugAllocator(inner);
            return binder -> binder.bind(Allocator.class).toInstance(debug);
        }
    }

    private static ClassLoader withProvider(Path dir) {
        try {
            Path services = dir.resolve("META-INF/services");
            Files.createDirectories(services);
            Files.writeString(services.resolve(AllocatorProvider.class.getName()), DebugObmallocProvider.class.getName() + "\n");
            return new URLClassLoader(new URL[] {dir.toUri().toURL()}, DebugAllocatorRuntimeTest.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRuntimeRunsCleanUnderTheDebugAllocator(@TempDir Path dir) {
        ClassLoader loader = withProvider(dir);
        for (String profile : List.of("cpython-3.11", "cpython-3.12", "cpython-3.13")) {
            Config config = ConfigLayers.builder(loader).set("pymem.profile", profile)
                    .set("pymem.allocator", "debug-obmalloc").build().config();
            try (PyRuntime rt = PyRuntime.create(config, PluginRegistry.load(loader), new PrintStream(PrintStream.nullOutputStream()))) {
                DebugAllocator debug = assertInstanceOf(DebugAllocator.class, rt.allocator());
                workload(rt.mutator());
                assertTrue(debug.check() > 0);
                assertEquals(0L, debug.stats().details().get("debug.errors"), profile);
            }
        }
    }

    private static void workload(Mutator m) {
        long cls = m.newClass(ClassSpec.plain("Node"));
        List<Long> keep = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long list = m.newList();
            long dict = m.newDict();
            long set = m.newSet();
            for (int i = 0; i < 300; i++) {
                long big = m.newInt(java.math.BigInteger.ONE.shiftLeft(40 + i % 200));
                long str = m.newStr("key-" + i + "-" + "é".repeat(i % 7) + "\u4e2d".repeat(i % 3));
                long flt = m.newFloat(i + 0.5);
                long tuple = m.newTuple(big, str, flt);
                m.listAppend(list, tuple);
                m.dictSet(dict, str, big);
                m.setAdd(set, big);
                m.decref(big);
                m.decref(str);
                m.decref(flt);
                m.decref(tuple);
            }
            for (int i = 0; i < 150; i++) {
                m.decref(m.listPop(list, -1));
            }
            // a reference cycle through instance dicts, left to the collector
            long a = m.newInstance(cls);
            long b = m.newInstance(cls);
            m.setAttr(a, "other", b);
            m.setAttr(b, "other", a);
            m.setAttr(a, "payload", list);
            m.decref(a);
            m.decref(b);
            m.decref(list);
            m.dictClear(dict);
            keep.add(dict);
            keep.add(set);
            m.collect(2);
        }
        for (long object : keep) {
            m.decref(object);
        }
        m.decref(cls);
        m.collect(2);
    }
}
