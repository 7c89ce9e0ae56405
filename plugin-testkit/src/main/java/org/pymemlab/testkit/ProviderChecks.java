package org.pymemlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import org.pymemlab.api.PluginProvider;

/** What every provider must satisfy, whatever its axis (Trino's plugin smoke test). */
final class ProviderChecks {

    private ProviderChecks() {
    }

    static void describedAndDocumented(PluginProvider provider, String expectedId) {
        assertEquals(expectedId, provider.id());
        assertTrue(provider.id().matches("[a-z0-9]+(-[a-z0-9]+)*"),
                "the id is lowercase-hyphenated: " + provider.id());
        String description = provider.description();
        assertFalse(description == null || description.isBlank(), "a description is given");
        assertFalse(description.contains("\n"), "the description is one line");
        String path = provider.configPath();
        assertTrue(path != null, "configPath is not null (\"\" when the plugin reads no settings)");
        if (!path.isEmpty()) {
            Config reference = PluginAssembly.config("");
            assertTrue(reference.hasPath(path), "the plugin's reference.conf declares " + path);
        }
    }
}
