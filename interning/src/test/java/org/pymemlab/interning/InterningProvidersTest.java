package org.pymemlab.interning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerProvider;

/** Both providers are found through {@link ServiceLoader} and their modules build an {@link Interner}. */
class InterningProvidersTest {

    private static Map<String, InternerProvider> providers() {
        return ServiceLoader.load(InternerProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(InternerProvider::id, Function.identity()));
    }

    @Test
    void bothProvidersAreFoundById() {
        Map<String, InternerProvider> providers = providers();
        assertInstanceOf(CpythonInternerProvider.class, providers.get("cpython"));
        assertInstanceOf(NoInternerProvider.class, providers.get("none"));
        assertEquals("pymem.cpython-interning", providers.get("cpython").configPath());
        assertEquals("", providers.get("none").configPath());
        providers.values().forEach(p -> assertTrue(!p.description().isBlank() && !p.description().contains("\n")));
    }

    @Test
    void servicesFileListsBothProviders() throws IOException {
        String name = "META-INF/services/" + InternerProvider.class.getName();
        try (InputStream in = CpythonInternerProvider.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
            assertEquals(List.of(CpythonInternerProvider.class.getName(), NoInternerProvider.class.getName()), lines);
        }
    }

    @Test
    void cpythonModuleBuildsASingletonInterner() {
        Interner interner = build("cpython");
        assertInstanceOf(CpythonInterner.class, interner);
    }

    @Test
    void noneModuleBuildsASingletonInterner() {
        Interner interner = build("none");
        assertInstanceOf(NoInterner.class, interner);
    }

    /** As the runtime does: the provider's module plus the effective Config, in one injector. */
    private static Interner build(String id) {
        Config config = ConfigFactory.load();
        Injector injector = Guice.createInjector(providers().get(id).module(config),
                binder -> binder.bind(Config.class).toInstance(config));
        Interner interner = injector.getInstance(Interner.class);
        assertSame(interner, injector.getInstance(Interner.class));
        return interner;
    }
}
