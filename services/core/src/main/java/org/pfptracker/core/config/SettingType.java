package org.pfptracker.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What kind of value a {@link Setting} holds: how its text is read, how a value is written back (for
 * defaults and overrides), and what the text must look like when it is wrong.
 *
 * @param <T> the value's Java type
 */
public final class SettingType<T> {

    /** Any text. */
    public static final SettingType<String> STRING = new SettingType<>("string", "text", text -> text, value -> value,
            false);
    /** Text that is never shown: {@code pfp config} hides it, and so must every log line. */
    public static final SettingType<String> PASSWORD = new SettingType<>("password", "text", text -> text,
            value -> value, true);
    /** A 32-bit whole number. */
    public static final SettingType<Integer> INT = new SettingType<>("int", "a whole number", Integer::valueOf,
            String::valueOf, false);
    /** A 64-bit whole number. */
    public static final SettingType<Long> LONG = new SettingType<>("long", "a whole number", Long::valueOf,
            String::valueOf, false);
    /** {@code true} or {@code false}, nothing else: a typo is refused, not read as false. */
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("boolean", "true or false",
            SettingType::parseBoolean, String::valueOf, false);
    /** A duration as {@link DurationText} reads it. */
    public static final SettingType<Duration> DURATION = new SettingType<>("duration", DurationText.FORM,
            DurationText::parse, DurationText::format, false);
    /** A file or directory. */
    public static final SettingType<Path> PATH = new SettingType<>("path", "a path", Path::of, Path::toString, false);
    /** An absolute URL: a scheme and a host at least. */
    public static final SettingType<URI> URL = new SettingType<>("url", "an absolute URL such as https://host/path",
            SettingType::parseUrl, URI::toString, false);
    /** Comma-separated text, each item trimmed, empty items dropped. */
    public static final SettingType<List<String>> LIST = new SettingType<>("list", "a comma-separated list",
            SettingType::parseList, value -> String.join(",", value), false);

    private final String name;
    private final String form;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final boolean secret;

    private SettingType(String name, String form, Function<String, T> parser, Function<T, String> formatter,
                        boolean secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.form = Objects.requireNonNull(form, "form");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.formatter = Objects.requireNonNull(formatter, "formatter");
        this.secret = secret;
    }

    /**
     * A type of one's own, e.g. a level of a registry client.
     *
     * @param name short name {@code pfp config} shows, e.g. {@code level}
     * @param form what a good value looks like, completing "must be ...", e.g. {@code one of NONE, BACKWARD}
     * @param parser reads the (trimmed, non-blank) text; throws any runtime exception when it cannot
     * @param formatter writes a value so that the parser reads it back
     */
    public static <T> SettingType<T> of(String name, String form, Function<String, T> parser,
                                        Function<T, String> formatter) {
        return new SettingType<>(name, form, parser, formatter, false);
    }

    /** One of an enum's constants, by name, in any case. */
    public static <E extends Enum<E>> SettingType<E> enumOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        return new SettingType<>(type.getSimpleName(), "one of " + names,
                text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)), Enum::name, false);
    }

    /** The short name {@code pfp config} shows, e.g. {@code duration}. */
    public String name() {
        return name;
    }

    /** What a good value looks like, completing "must be ...". */
    public String form() {
        return form;
    }

    /** Whether values of this type are secrets, never shown. */
    public boolean secret() {
        return secret;
    }

    /**
     * The value the text says.
     *
     * @throws IllegalArgumentException when it says none
     */
    public T parse(String text) {
        try {
            return Objects.requireNonNull(parser.apply(text), "no value");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not " + form, e);
        }
    }

    /** The text that {@link #parse} reads back as this value. */
    public String format(T value) {
        return formatter.apply(value);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static URI parseUrl(String text) {
        URI uri = URI.create(text);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not absolute: " + text);
        }
        return uri;
    }

    private static List<String> parseList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
