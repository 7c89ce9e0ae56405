package org.pymemlab.api.memory;

import jdk.internal.misc.Unsafe;

/**
 * The JDK's internal {@link Unsafe}, reached only when {@code java.base} exports {@code jdk.internal.misc}
 * to this code ({@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}, or the runnable jar's
 * {@code Add-Exports} manifest entry). {@link NativeMemory} checks {@link #AVAILABLE} before touching
 * {@link #U}; without the export this class still loads, and {@code U} is null.
 */
final class InternalUnsafe {

    static final boolean AVAILABLE = Object.class.getModule()
            .isExported("jdk.internal.misc", InternalUnsafe.class.getModule());

    static final Unsafe U = AVAILABLE ? Unsafe.getUnsafe() : null;

    private InternalUnsafe() {
    }
}
