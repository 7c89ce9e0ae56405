package org.pymemlab.runtime.plugin;

import com.google.inject.Module;
import com.typesafe.config.Config;
import org.pymemlab.api.allocator.AllocatorProvider;

/** A test-only provider that binds nothing; registered by hand in the test META-INF/services. */
public final class FakeAllocatorProvider implements AllocatorProvider {

    @Override
    public String id() {
        return "test-fake-allocator";
    }

    @Override
    public String description() {
        return "test only: FakeAllocatorProvider";
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
