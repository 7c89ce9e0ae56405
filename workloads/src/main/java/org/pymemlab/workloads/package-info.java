/**
 * Built-in workloads: programs that drive the runtime through its {@link org.pymemlab.runtime.Mutator} API.
 */
package org.pymemlab.workloads;
