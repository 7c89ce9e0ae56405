package org.pymemlab.runtime.property;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the number of tries of every property in a container from the system property
 * {@value #TRIES_PROPERTY}: the CI size by default, the nightly size with
 * {@code -Dpymem.property.tries=2000} (Surefire passes {@code -D} user properties on to the test JVM).
 */
public final class PropertySize implements AroundPropertyHook {

    static final String TRIES_PROPERTY = "pymem.property.tries";
    /** Each try runs one program on all 24 combinations. */
    static final int CI_TRIES = 40;

    static int tries() {
        String value = System.getProperty(TRIES_PROPERTY, "").trim();
        if (value.isEmpty()) {
            return CI_TRIES;
        }
        try {
            int tries = Integer.parseInt(value);
            if (tries < 1) {
                throw new NumberFormatException();
            }
            return tries;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " = " + value + ": a positive integer");
        }
    }

    /** Registered on a test class, the hook applies to the properties inside it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setTries(tries());
        return property.execute();
    }
}
