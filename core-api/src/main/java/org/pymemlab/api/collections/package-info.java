/**
 * Primitive collections keyed by addresses, for plugins and the runtime: no boxing on hot paths. Keys are
 * non-zero longs (0 is NULL). Not thread-safe, like everything a runtime's single mutator thread uses.
 */
package org.pymemlab.api.collections;
