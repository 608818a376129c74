package org.pfptracker.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolved configuration of one process.
 *
 * <p>Each option is looked up, first match wins, in: explicit overrides (e.g. command-line flags),
 * Java system properties, {@code PFP_*} environment variables, an optional properties file, and
 * finally the option's declared default. Immutable; {@link #with} returns a new instance.
 */
public final class Settings {

    /** Keys under this prefix are handed to every Kafka client as they are (TLS, SASL, tuning). */
    public static final String KAFKA_CLIENT_PREFIX = "kafka.client.";

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
        Map<String, String> merged = new HashMap<>();
        if (propertiesFile != null) {
            merged.putAll(readFile(propertiesFile));
        }
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
    public Settings with(Setting setting, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(setting.key(), value);
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

    public String get(Setting setting) {
        String value = values.getOrDefault(setting.key(), setting.defaultValue());
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("Missing required setting '" + setting.key() + "' (environment "
                    + setting.environmentVariable() + "): " + setting.doc());
        }
        return value.trim();
    }

    /** The value, or empty when the option has no value and no default (an optional option). */
    public java.util.Optional<String> find(Setting setting) {
        String value = values.getOrDefault(setting.key(), setting.defaultValue());
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }

    public int getInt(Setting setting) {
        String value = get(setting);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Setting '" + setting.key() + "' must be a whole number, was '" + value + "'");
        }
    }

    /** A duration written as a number and a unit (250ms, 30s, 5m, 2h, 1d) or in ISO-8601 (PT1H). */
    public Duration getDuration(Setting setting) {
        String value = get(setting);
        try {
            return parseDuration(value);
        } catch (RuntimeException e) {
            throw new ConfigurationException("Setting '" + setting.key()
                    + "' must be a duration such as 250ms, 30s, 5m, 2h or PT1H, was '" + value + "'");
        }
    }

    private static Duration parseDuration(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        int unitStart = 0;
        while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
            unitStart++;
        }
        long amount = Long.parseLong(value.substring(0, unitStart));
        return switch (value.substring(unitStart).trim()) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unknown unit in " + value);
        };
    }

    public Path getPath(Setting setting) {
        return Path.of(get(setting));
    }

    /** Every key under the prefix, with the prefix removed: how client overrides reach Kafka. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                result.put(key.substring(prefix.length()), value);
            }
        });
        return result;
    }

    /** Every explicitly given value (defaults excluded), for components with their own configuration. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Properties passed to every Kafka client (producer, consumer, admin, Streams). */
    public Map<String, String> kafkaClientOverrides() {
        return withPrefix(KAFKA_CLIENT_PREFIX);
    }

    static String propertyKeyOf(String environmentVariable) {
        return environmentVariable.substring("PFP_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.');
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
