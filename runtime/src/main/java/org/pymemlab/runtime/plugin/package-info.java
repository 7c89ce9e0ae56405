/**
 * Discovery of plugins with {@link java.util.ServiceLoader}, and the errors a person sees when discovery or
 * selection goes wrong.
 */
package org.pymemlab.runtime.plugin;
