package org.pymemlab.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plugin jar written at test time: Java sources compiled against the test class path, plus resources and
 * {@code META-INF/services} entries. For testing how a lab (or a plugin loader) treats good and broken jars.
 */
public final class TestJar {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();

    /** A class in package {@code test.plugins}, given its simple name and body text (imports included). */
    public TestJar source(String className, String text) {
        sources.put(className, text);
        return this;
    }

    public TestJar resource(String name, String text) {
        resources.put(name, text);
        return this;
    }

    /** Registers {@code test.plugins.<className>} as a provider of {@code service}. */
    public TestJar service(Class<?> service, String... classNames) {
        String lines = String.join("", Stream.of(classNames).map(c -> (c.contains(".") ? c : "test.plugins." + c)
                + "\n").toList());
        return resource("META-INF/services/" + service.getName(), lines);
    }

    public Path writeTo(Path jar) {
        try {
            Path work = Files.createTempDirectory("testjar");
            Path src = Files.createDirectories(work.resolve("src/test/plugins"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey() + ".java");
                Files.writeString(file, "package test.plugins;\n" + source.getValue());
                args.add(file.toString());
            }
            if (!sources.isEmpty()) {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                int status = javac.run(null, null, null, args.toArray(String[]::new));
                if (status != 0) {
                    throw new IllegalStateException("javac failed: " + status);
                }
            }
            Files.createDirectories(jar.getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                try (Stream<Path> all = Files.walk(classes)) {
                    for (Path c : all.filter(Files::isRegularFile).toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(c));
                        out.closeEntry();
                    }
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    out.putNextEntry(new JarEntry(resource.getKey()));
                    out.write(resource.getValue().getBytes(UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider of {@code axis} ("allocator", "collector", "interner") with this id and module body. */
    public static String provider(String className, String axis, String id, String moduleBody) {
        String iface = switch (axis) {
            case "allocator" -> "org.pymemlab.api.allocator.AllocatorProvider";
            case "collector" -> "org.pymemlab.api.collector.CollectorProvider";
            case "interner" -> "org.pymemlab.api.interning.InternerProvider";
            default -> throw new IllegalArgumentException(axis);
        };
        return """
                public final class %s implements %s {
                    public String id() { return "%s"; }
                    public String description() { return "test plugin %s"; }
                    public String configPath() { return ""; }
                    public com.google.inject.Module module(com.typesafe.config.Config config) { %s }
                }
                """.formatted(className, iface, id, className, moduleBody);
    }
}
