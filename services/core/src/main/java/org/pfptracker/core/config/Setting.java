package org.pfptracker.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option, declared once: its key, its {@linkplain SettingType type}, its default (or that
 * it is required, or optional), the {@linkplain Validator rule} its value keeps, and a line of documentation.
 * {@link Settings#get(Setting)} gives its value, typed; {@code pfp config} lists it.
 *
 * <p>The same option can be given as a property ({@code kafka.bootstrap.servers}) or as an environment
 * variable ({@code PFP_KAFKA_BOOTSTRAP_SERVERS}): the environment name is derived, never spelled twice.
 *
 * <pre>{@code
 * static final Setting<Integer> PORT = Setting.integer("tracker.http.port", "Port of the query API.")
 *         .withDefault(8080).validatedBy(Validator.between(0, 65535));
 * }</pre>
 *
 * <p>Immutable: every {@code with...} method returns a new declaration.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    /** Whether a value must be given, may be missing, or falls back to a default. */
    private enum Presence { REQUIRED, OPTIONAL, DEFAULTED }

    private final String key;
    private final SettingType<T> type;
    private final Presence presence;
    private final T defaultValue;
    private final Validator<? super T> validator;
    private final String doc;

    private Setting(String key, SettingType<T> type, Presence presence, T defaultValue, Validator<? super T> validator,
                    String doc) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.presence = presence;
        this.defaultValue = defaultValue;
        this.validator = validator;
        this.doc = Objects.requireNonNull(doc, "doc");
        if (defaultValue != null && validator != null && !validator.test(defaultValue)) {
            throw new IllegalArgumentException("The default of '" + key + "' (" + type.format(defaultValue)
                    + ") breaks its own rule: " + validator.description());
        }
    }

    /** A required option of the given type; {@link #withDefault} or {@link #optional} relax it. */
    public static <T> Setting<T> define(String key, SettingType<T> type, String doc) {
        return new Setting<>(key, type, Presence.REQUIRED, null, null, doc);
    }

    /** A required text option. */
    public static Setting<String> string(String key, String doc) {
        return define(key, SettingType.STRING, doc);
    }

    /** A required secret, which {@code pfp config} never shows. */
    public static Setting<String> password(String key, String doc) {
        return define(key, SettingType.PASSWORD, doc);
    }

    /** A required whole-number option. */
    public static Setting<Integer> integer(String key, String doc) {
        return define(key, SettingType.INT, doc);
    }

    /** A required 64-bit whole-number option. */
    public static Setting<Long> longInteger(String key, String doc) {
        return define(key, SettingType.LONG, doc);
    }

    /** A required true-or-false option. */
    public static Setting<Boolean> bool(String key, String doc) {
        return define(key, SettingType.BOOLEAN, doc);
    }

    /** A required duration option (250ms, 30s, 5m, 2h, 365d, PT30S). */
    public static Setting<Duration> duration(String key, String doc) {
        return define(key, SettingType.DURATION, doc);
    }

    /** A required file or directory option. */
    public static Setting<Path> path(String key, String doc) {
        return define(key, SettingType.PATH, doc);
    }

    /** A required absolute-URL option. */
    public static Setting<URI> url(String key, String doc) {
        return define(key, SettingType.URL, doc);
    }

    /** A required comma-separated list option. */
    public static Setting<List<String>> list(String key, String doc) {
        return define(key, SettingType.LIST, doc);
    }

    /** A required option naming one of an enum's constants. */
    public static <E extends Enum<E>> Setting<E> oneOf(String key, Class<E> type, String doc) {
        return define(key, SettingType.enumOf(type), doc);
    }

    /** The same option with a value when none is given. */
    public Setting<T> withDefault(T value) {
        return new Setting<>(key, type, Presence.DEFAULTED, Objects.requireNonNull(value, "value"), validator, doc);
    }

    /**
     * The same option, which may be left unset: {@link Settings#find} then gives nothing. For an option that
     * is off unless given, or whose default depends on other options (the caller computes it).
     */
    public Setting<T> optional() {
        return new Setting<>(key, type, Presence.OPTIONAL, null, validator, doc);
    }

    /** The same option, whose values must also keep this rule. */
    public Setting<T> validatedBy(Validator<? super T> rule) {
        Objects.requireNonNull(rule, "rule");
        return new Setting<>(key, type, presence, defaultValue, rule, doc);
    }

    /**
     * The same option under a prefix: how a family of options is declared once and read in several places,
     * e.g. a server's {@code idle.timeout} as {@code tracker.http.idle.timeout} and {@code gateway.http.idle.timeout}.
     */
    public Setting<T> under(String prefix) {
        return new Setting<>(prefix + key, type, presence, defaultValue, validator, doc);
    }

    /** Property name, lower case, dot separated. */
    public String key() {
        return key;
    }

    /** The environment variable that sets this option, e.g. {@code PFP_KAFKA_BOOTSTRAP_SERVERS}. */
    public String environmentVariable() {
        return "PFP_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** What kind of value it holds. */
    public SettingType<T> type() {
        return type;
    }

    /** One line saying what the option does, shown by {@code pfp config}. */
    public String doc() {
        return doc;
    }

    /** Whether its value is a secret: never shown, never logged. */
    public boolean secret() {
        return type.secret();
    }

    /** Whether a value must be given: no default, not optional. */
    public boolean required() {
        return presence == Presence.REQUIRED;
    }

    /** The value when none is given, if it has one. */
    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The rule its values keep beyond their type, if any. */
    public Optional<Validator<? super T>> validator() {
        return Optional.ofNullable(validator);
    }

    /** Its type and rule in a few words, e.g. {@code int, from 0 to 65535}. */
    public String describe() {
        return validator == null ? type.name() : type.name() + ", " + validator.description();
    }

    /**
     * The value the text gives this option.
     *
     * @param text the value as given, trimmed and not blank
     * @throws ConfigurationException naming the key, its environment variable and what the value should be
     */
    public T parse(String text) {
        T value;
        try {
            value = type.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(text, type.form());
        }
        if (validator != null && !validator.test(value)) {
            throw invalid(text, validator.description());
        }
        return value;
    }

    /** The text {@link #parse} reads back as this value. */
    String format(T value) {
        return type.format(value);
    }

    /** A refusal naming this option, its variable and the rule broken: for checks that span several options. */
    public ConfigurationException invalid(String text, String rule) {
        String shown = secret() ? "(hidden)" : "'" + text + "'";
        return new ConfigurationException("Setting '" + key + "' (environment " + environmentVariable() + ") must be "
                + rule + ", was " + shown);
    }

    /** The refusal of a required option that was not given. */
    ConfigurationException missing() {
        return new ConfigurationException("Missing required setting '" + key + "' (environment "
                + environmentVariable() + "): " + doc);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting<?> setting && key.equals(setting.key) && type.equals(setting.type);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key + " (" + describe() + ")";
    }
}
