package org.pymemlab.runtime.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Sees the test class path, but only the {@code META-INF/services} files of this module's test resources: the
 * real plugins that are also on the runtime's test class path stay out of the registry under test.
 */
final class FakesOnlyClassLoader extends ClassLoader {

    FakesOnlyClassLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!name.startsWith("META-INF/services/")) {
            return all;
        }
        List<URL> fakes = Collections.list(all).stream()
                .filter(url -> url.toString().contains("/test-classes/"))
                .toList();
        return Collections.enumeration(fakes);
    }
}
