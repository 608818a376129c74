package org.pfptracker.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolved configuration of one process: the values given, read through each option's {@link Setting}.
 *
 * <p>Each option is looked up, first match wins, in: explicit overrides (e.g. command-line flags),
 * Java system properties ({@code -Dpfp.<key>}), {@code PFP_*} environment variables, an optional properties
 * file, and finally the option's declared default. Immutable; {@link #with} returns a new instance.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Settings from the process environment, system properties and an optional file. */
    public static Settings load(Path propertiesFile) {
        return load(propertiesFile, System.getenv(), System.getProperties());
    }

    /** Settings from the given sources; visible for tests, which must not depend on the real environment. */
    public static Settings load(Path propertiesFile, Map<String, String> environment, Properties systemProperties) {
        return load(propertiesFile == null ? Map.of() : readFile(propertiesFile), environment, systemProperties);
    }

    /**
     * Settings from properties already read (e.g. a file given to a server's main), the environment's
     * {@code PFP_*} variables, which win over them, and {@code pfp.*} system properties, which win over both.
     */
    public static Settings load(Map<String, String> properties, Map<String, String> environment,
                                Properties systemProperties) {
        Map<String, String> merged = new HashMap<>(properties);
        environment.forEach((name, value) -> {
            if (name.startsWith("PFP_")) {
                merged.put(propertyKeyOf(name), value);
            }
        });
        systemProperties.stringPropertyNames().forEach(name -> {
            if (name.startsWith("pfp.")) {
                merged.put(name.substring("pfp.".length()), systemProperties.getProperty(name));
            }
        });
        return new Settings(merged);
    }

    /** Settings holding exactly these values; defaults apply to everything else. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** A copy with one more explicit value, which wins over every other source. */
    public <T> Settings with(Setting<T> setting, T value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(setting.key(), setting.format(value));
        return new Settings(copy);
    }

    /**
     * A copy with one more explicit value written as text, as a flag or a file gives it: read, and checked,
     * when the option is.
     */
    public Settings withText(Setting<?> setting, String text) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(setting.key(), text);
        return new Settings(copy);
    }

    /**
     * A copy with more explicit values by key, which win over every other source: for option families read
     * by prefix ({@code kafka.client.*}, {@code schema.registry.client.*}).
     */
    public Settings withValues(Map<String, String> more) {
        Map<String, String> copy = new HashMap<>(values);
        copy.putAll(more);
        return new Settings(copy);
    }

    /**
     * The option's value: the one given, else its default.
     *
     * @throws ConfigurationException naming the key and its environment variable when the value is malformed,
     *     breaks the option's rule, or is missing with no default
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(setting::missing);
    }

    /**
     * The option's value, the one given or else its default; empty when it has neither (an optional option).
     *
     * @throws ConfigurationException naming the key and its environment variable when the value is malformed
     */
    public <T> Optional<T> find(Setting<T> setting) {
        Optional<String> given = given(setting);
        return given.isPresent() ? Optional.of(setting.parse(given.get())) : setting.defaultValue();
    }

    /** Whether a value is given for the option (its default does not count). */
    public boolean isSet(Setting<?> setting) {
        return given(setting).isPresent();
    }

    /**
     * The option's value as text, the one given or else its default, unchecked: what {@code pfp config}
     * shows; empty when it has neither.
     */
    public Optional<String> text(Setting<?> setting) {
        Optional<String> given = given(setting);
        return given.isPresent() ? given : defaultText(setting);
    }

    /** Every key under the prefix, with the prefix removed: how client overrides reach Kafka. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Every explicitly given value (defaults excluded), for components with their own configuration. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The key of an environment variable: {@code PFP_} dropped, lower case, {@code _} turned into {@code .}. */
    static String propertyKeyOf(String environmentVariable) {
        return environmentVariable.substring("PFP_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Blank counts as not given: an empty variable must not override a default with nothing. */
    private Optional<String> given(Setting<?> setting) {
        String value = values.get(setting.key());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static <T> Optional<String> defaultText(Setting<T> setting) {
        return setting.defaultValue().map(setting::format);
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("Configuration file " + file.toAbsolutePath() + " does not exist");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file, e);
        }
        Map<String, String> result = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> result.put(name, properties.getProperty(name)));
        return result;
    }
}
