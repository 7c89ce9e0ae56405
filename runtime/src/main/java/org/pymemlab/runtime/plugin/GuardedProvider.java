package org.pymemlab.runtime.plugin;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import java.util.List;
import org.pymemlab.api.PluginConfigException;
import org.pymemlab.api.PluginProvider;
import org.pymemlab.api.allocator.AllocatorProvider;
import org.pymemlab.api.collector.CollectorProvider;
import org.pymemlab.api.interning.InternerProvider;

/**
 * A provider as the registry hands it out: the plugin's own, with its failures turned into one line naming the
 * plugin and where it came from. {@link #module} also records the module's bindings at once (Guice's
 * {@link Elements#getElements}), so that an exception in the module's {@code configure()} is reported here, naming
 * the plugin, and not later as an anonymous part of Guice's {@code CreationException}. A module only binds (the
 * SPI says so), so recording it early changes nothing.
 *
 * <p>{@link PluginConfigException}s pass through as they are: they already name the key and the value.
 */
abstract sealed class GuardedProvider<P extends PluginProvider> implements PluginProvider {

    private final P delegate;
    private final String axis;
    private final String id;
    private final String source;

    GuardedProvider(P delegate, String axis, String id, String source) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.axis = requireNonNull(axis, "axis is null");
        this.id = requireNonNull(id, "id is null");
        this.source = requireNonNull(source, "source is null");
    }

    static <P extends PluginProvider> PluginProvider wrap(P provider, String axis, String id, String source) {
        return switch (provider) {
            case AllocatorProvider a -> new Allocator(a, axis, id, source);
            case CollectorProvider c -> new Collector(c, axis, id, source);
            case InternerProvider i -> new Interner(i, axis, id, source);
            default -> throw new IllegalArgumentException("not a plugin axis: " + provider.getClass().getName());
        };
    }

    /** The plugin's own provider. */
    P delegate() {
        return delegate;
    }

    /** A jar's path, or the class and its location on the class path. */
    String source() {
        return source;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        try {
            String description = delegate.description();
            return description == null ? "" : oneLine(description);
        } catch (RuntimeException | LinkageError e) {
            return "(description() failed: " + oneLine(String.valueOf(e)) + ")";
        }
    }

    @Override
    public String configPath() {
        String path = delegate.configPath();
        return path == null ? "" : path;
    }

    /**
     * The plugin's module, its bindings already recorded.
     *
     * @throws PluginConfigException as the plugin threw it
     * @throws PluginDiscoveryException one line naming the plugin and its jar, for any other failure
     */
    @Override
    public Module module(Config config) {
        Module module;
        try {
            module = delegate.module(config);
        } catch (PluginConfigException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure("module(config) failed: " + oneLine(String.valueOf(e)), e);
        }
        if (module == null) {
            throw failure("module(config) returned null", null);
        }
        List<Element> elements;
        try {
            elements = Elements.getElements(module);
        } catch (RuntimeException | LinkageError e) {
            throw failure("its module failed: " + oneLine(String.valueOf(e)), e);
        }
        for (Element element : elements) {
            if (element instanceof Message message) {
                if (message.getCause() instanceof PluginConfigException p) {
                    throw p;
                }
                String what = message.getCause() != null ? String.valueOf(message.getCause()) : message.getMessage();
                throw failure("its module failed: " + oneLine(what), message.getCause());
            }
        }
        return Elements.getModule(elements);
    }

    private PluginDiscoveryException failure(String what, Throwable cause) {
        String message = axis + " '" + id + "' from " + source + ": " + what;
        return cause == null ? new PluginDiscoveryException(message) : new PluginDiscoveryException(message, cause);
    }

    static String oneLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public String toString() {
        return axis + " '" + id + "' from " + source;
    }

    static final class Allocator extends GuardedProvider<AllocatorProvider> implements AllocatorProvider {
        Allocator(AllocatorProvider delegate, String axis, String id, String source) {
            super(delegate, axis, id, source);
        }
    }

    static final class Collector extends GuardedProvider<CollectorProvider> implements CollectorProvider {
        Collector(CollectorProvider delegate, String axis, String id, String source) {
            super(delegate, axis, id, source);
        }
    }

    static final class Interner extends GuardedProvider<InternerProvider> implements InternerProvider {
        Interner(InternerProvider delegate, String axis, String id, String source) {
            super(delegate, axis, id, source);
        }
    }
}
