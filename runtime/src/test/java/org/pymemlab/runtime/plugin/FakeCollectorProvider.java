package org.pymemlab.runtime.plugin;

import com.google.inject.Module;
import com.typesafe.config.Config;
import org.pymemlab.api.collector.CollectorProvider;

/** A test-only provider that binds nothing; registered by hand in the test META-INF/services. */
public final class FakeCollectorProvider implements CollectorProvider {

    @Override
    public String id() {
        return "test-fake-collector";
    }

    @Override
    public String description() {
        return "test only: FakeCollectorProvider";
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
