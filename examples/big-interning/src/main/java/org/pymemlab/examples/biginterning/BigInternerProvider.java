package org.pymemlab.examples.biginterning;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.typesafe.config.Config;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerProvider;

/** {@code --interning big}: ints up to {@code int-max}, every str up to {@code max-string-length}. */
@AutoService(InternerProvider.class)
public final class BigInternerProvider implements InternerProvider {

    static final String INT_MAX = "pymem.big-interning.int-max";
    static final String MAX_STRING_LENGTH = "pymem.big-interning.max-string-length";

    @Override
    public String id() {
        return "big";
    }

    @Override
    public String description() {
        return "Caches more than CPython: ints -5..int-max and every str up to max-string-length";
    }

    @Override
    public String configPath() {
        return "pymem.big-interning";
    }

    @Override
    public Module module(Config config) {
        int intMax = config.getInt(INT_MAX);
        if (intMax < 0 || intMax > 100_000) {
            throw new PluginConfigException(INT_MAX, intMax, "an integer from 0 to 100000");
        }
        int maxLength = config.getInt(MAX_STRING_LENGTH);
        if (maxLength < 0 || maxLength > 64) {
            throw new PluginConfigException(MAX_STRING_LENGTH, maxLength, "an integer from 0 to 64");
        }
        return binder -> binder.bind(Interner.class).toProvider(() -> new BigInterner(intMax, maxLength))
                .in(Scopes.SINGLETON);
    }
}
