package org.pfptracker.platform.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration option, declared once with its default and a line of documentation.
 *
 * <p>The same option can be given as a property ({@code kafka.bootstrap.servers}) or as an
 * environment variable ({@code PFP_KAFKA_BOOTSTRAP_SERVERS}): the environment name is derived, never
 * spelled twice.
 *
 * @param key property name, lower case, dot separated
 * @param defaultValue value used by the embedded local stack when nothing else is given; {@code null}
 *     when the option is required
 * @param doc one line saying what the option does, shown by {@code pfp config}
 */
public record Setting(String key, String defaultValue, String doc) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(doc, "doc");
    }

    /** The environment variable that sets this option, e.g. {@code PFP_KAFKA_BOOTSTRAP_SERVERS}. */
    public String environmentVariable() {
        return "PFP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
