/**
 * Typed settings, declared once: a {@link org.pfptracker.core.config.Setting} says an option's key, type,
 * default, rule and documentation; {@link org.pfptracker.core.config.Settings} resolves it from overrides,
 * system properties, {@code PFP_*} environment variables, a properties file and the default, and refuses a
 * bad value naming the key and its environment variable.
 */
package org.pfptracker.core.config;
