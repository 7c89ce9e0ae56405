package org.pymemlab.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class path of resources written by a test into a directory, seen through a class loader whose parent is the
 * platform loader, so that no {@code reference.conf} of the real class path leaks in.
 */
final class TestClassPath {

    private final Path root;

    TestClassPath(Path root) {
        this.root = root;
    }

    TestClassPath write(String resource, String content) {
        try {
            Path file = root.resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ClassLoader classLoader() {
        try {
            return new URLClassLoader(new URL[] {root.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
