package org.pymemlab.frontend.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the number of tries of every fuzz property in a container from the system property
 * {@value #TRIES_PROPERTY}: the CI size by default, the nightly size with e.g. {@code -Dpymem.fuzz.tries=20000}
 * (Surefire passes {@code -D} user properties on to the test JVM). Same shape as the runtime's
 * {@code PropertySize}.
 */
public final class FuzzSize implements AroundPropertyHook {

    static final String TRIES_PROPERTY = "pymem.fuzz.tries";
    /** Inputs per property at CI size: the whole fuzz class stays well under a minute on a 2-core machine. */
    static final int CI_TRIES = 1000;

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

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        // @Example methods are single runs with fixed inputs; only the generated properties scale.
        if (!context.targetMethod().isAnnotationPresent(net.jqwik.api.Example.class)) {
            context.attributes().setTries(tries());
        }
        return property.execute();
    }
}
