package org.pymemlab.cli;

import com.typesafe.config.Config;
import org.pymemlab.runtime.config.RuntimeSelection;
import org.pymemlab.runtime.plugin.PluginRegistry;

/** Start-up validation of the selection keys, before anything is built (DESIGN.md: validate at start-up). */
final class Selection {

    private Selection() {
    }

    /**
     * Reads the selection keys and checks that each names a plugin on the class path.
     *
     * @throws org.pymemlab.api.PluginConfigException naming the key, the value and what is allowed
     */
    static RuntimeSelection validate(Config config, PluginRegistry plugins) {
        RuntimeSelection selection = RuntimeSelection.from(config);
        plugins.allocator(selection.allocator());
        plugins.collector(selection.collector());
        plugins.interner(selection.interning());
        return selection;
    }
}
