package org.pymemlab.runtime.plugin;

import com.google.inject.Module;
import com.typesafe.config.Config;
import org.pymemlab.api.interning.InternerProvider;

/** A test-only provider that binds nothing; registered by hand in the test META-INF/services. */
public final class FakeInternerProvider implements InternerProvider {

    @Override
    public String id() {
        return "test-fake-interner";
    }

    @Override
    public String description() {
        return "test only: FakeInternerProvider";
    }

    @Override
    public String configPath() {
        return "";
    }

    @Override
    public Module module(Config config) {
        return binder -> { };
    }
}
