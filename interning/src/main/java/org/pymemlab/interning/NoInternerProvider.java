package org.pymemlab.interning;

import com.google.auto.service.AutoService;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import org.pymemlab.api.interning.Interner;
import org.pymemlab.api.interning.InternerProvider;

/** The {@code none} interning policy: nothing is cached or interned. It has no settings. */
@AutoService(InternerProvider.class)
public final class NoInternerProvider implements InternerProvider {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public String description() {
        return "Nothing cached: every int, str, bytes and tuple is a fresh object";
    }

    @Override
    public String configPath() {
        return "";
    }

    @Override
    public Module module(Config config) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(Interner.class).to(NoInterner.class).in(Singleton.class);
            }
        };
    }
}
