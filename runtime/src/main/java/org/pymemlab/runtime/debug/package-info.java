/**
 * Checks of how the Java API is used, switched on by {@code pymem.debug.checks}: every object argument must be a
 * live object of the runtime's heap. Costs one hash lookup per argument.
 */
package org.pymemlab.runtime.debug;
