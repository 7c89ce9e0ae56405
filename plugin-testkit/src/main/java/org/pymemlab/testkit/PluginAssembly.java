package org.pymemlab.testkit;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.pymemlab.api.PluginProvider;

/**
 * Builds a plugin the way the runtime does, without the runtime: the provider found by id with
 * {@link ServiceLoader}, its module installed in one Guice injector next to the effective {@link Config} (and, for
 * collectors, the {@code HeapView}), the axis interface taken from the injector.
 *
 * <pre>{@code
 * AllocatorProvider provider = PluginAssembly.provider(AllocatorProvider.class, "bump");
 * Config config = PluginAssembly.config("pymem.bump.chunk-size = 64 KiB");
 * Allocator allocator = PluginAssembly.build(Allocator.class, provider, config);
 * }</pre>
 */
public final class PluginAssembly {

    private PluginAssembly() {
    }

    /**
     * The provider of {@code axis} with this id, found with {@link ServiceLoader} on the thread's context class
     * loader (the test class path: the plugin's own {@code META-INF/services}).
     *
     * @throws AssertionError listing the ids found when there is no such provider, or there are two
     */
    public static <P extends PluginProvider> P provider(Class<P> axis, String id) {
        requireNonNull(axis, "axis is null");
        requireNonNull(id, "id is null");
        List<P> matching = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (P provider : ServiceLoader.load(axis, classLoader())) {
            ids.add(provider.id());
            if (id.equals(provider.id())) {
                matching.add(provider);
            }
        }
        if (matching.isEmpty()) {
            throw new AssertionError("no " + axis.getSimpleName() + " with id '" + id + "' in META-INF/services;"
                    + " found " + ids + " (is auto-service listed under annotationProcessorPaths?)");
        }
        if (matching.size() > 1) {
            throw new AssertionError("two " + axis.getSimpleName() + "s with id '" + id + "': " + matching);
        }
        return matching.getFirst();
    }

    /**
     * Every {@code reference.conf} on the class path with {@code overrides} (HOCON) on top, resolved: what the
     * runtime would hand the plugin with no {@code application.conf} and no profile.
     */
    public static Config config(String overrides) {
        requireNonNull(overrides, "overrides is null");
        return ConfigFactory.parseString(overrides)
                .withFallback(ConfigFactory.defaultReferenceUnresolved(classLoader()))
                .resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
    }

    /**
     * Installs the provider's module, binds {@link Config} and whatever {@code runtimeBindings} bind (the fakes of
     * the runtime's views), and returns the instance bound to {@code axisInterface}, checking it is a singleton.
     */
    public static <T> T build(Class<T> axisInterface, PluginProvider provider, Config config,
            Module... runtimeBindings) {
        requireNonNull(axisInterface, "axisInterface is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(config, "config is null");
        List<Module> modules = new ArrayList<>(List.of(runtimeBindings));
        modules.add(binder -> binder.bind(Config.class).toInstance(config));
        modules.add(provider.module(config));
        Injector injector = Guice.createInjector(modules);
        T instance = injector.getInstance(axisInterface);
        if (instance != injector.getInstance(axisInterface)) {
            throw new AssertionError(provider.id() + ": " + axisInterface.getSimpleName()
                    + " must be bound in singleton scope (one instance per runtime)");
        }
        return instance;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PluginAssembly.class.getClassLoader();
    }
}
