package org.pymemlab.interning;

import static java.util.Objects.requireNonNull;

import com.google.auto.service.AutoService;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerProvider;

/**
 * The {@code cpython} interning policy: CPython's small ints, one-character latin-1 strings, the empty
 * str, bytes and tuple, one-byte bytes, and {@code sys.intern}. Settings under
 * {@code pymem.cpython-interning}.
 */
@AutoService(InternerProvider.class)
public final class CpythonInternerProvider implements InternerProvider {

    @Override
    public String id() {
        return "cpython";
    }

    @Override
    public String description() {
        return "CPython's caches: small ints, one-character latin-1 strings, the empty str/bytes/tuple, "
                + "one-byte bytes, sys.intern";
    }

    @Override
    public String configPath() {
        return CpythonInterningSettings.PATH;
    }

    @Override
    public Module module(Config config) {
        CpythonInterningSettings settings = CpythonInterningSettings.from(requireNonNull(config, "config is null"));
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(CpythonInterningSettings.class).toInstance(settings);
                bind(Interner.class).to(CpythonInterner.class).in(Singleton.class);
            }
        };
    }
}
