/**
 * The effective configuration: its layers and their precedence ({@link org.pymemlab.runtime.config.ConfigLayers}),
 * where each value came from ({@link org.pymemlab.runtime.config.ValueOrigin}), and typed reading that fails
 * with one clear line ({@link org.pymemlab.runtime.config.TypedSettings}).
 */
package org.pymemlab.runtime.config;
