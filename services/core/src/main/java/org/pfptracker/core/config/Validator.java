package org.pfptracker.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule a setting's value must keep beyond its type, said in words for the operator who broke it.
 *
 * @param <T> the values it checks
 */
public final class Validator<T> {

    private final String description;
    private final Predicate<? super T> rule;

    private Validator(String description, Predicate<? super T> rule) {
        this.description = Objects.requireNonNull(description, "description");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * A rule of one's own.
     *
     * @param description what a good value is, completing "must be ...", e.g. {@code a power of two}
     */
    public static <T> Validator<T> of(String description, Predicate<? super T> rule) {
        return new Validator<>(description, rule);
    }

    /** At least {@code min}. */
    public static <T extends Comparable<? super T>> Validator<T> atLeast(T min) {
        return new Validator<>("at least " + text(min), value -> value.compareTo(min) >= 0);
    }

    /** At most {@code max}. */
    public static <T extends Comparable<? super T>> Validator<T> atMost(T max) {
        return new Validator<>("at most " + text(max), value -> value.compareTo(max) <= 0);
    }

    /** From {@code min} to {@code max}, both included. */
    public static <T extends Comparable<? super T>> Validator<T> between(T min, T max) {
        return new Validator<>("from " + text(min) + " to " + text(max),
                value -> value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
    }

    /** One of the given values. */
    @SafeVarargs
    public static <T> Validator<T> oneOf(T... allowed) {
        List<T> values = List.of(allowed);
        return new Validator<>("one of " + values.stream().map(Validator::text).collect(Collectors.joining(", ")),
                values::contains);
    }

    /**
     * Text matching the whole pattern.
     *
     * @param description the rule in words, e.g. {@code lower-case letters and hyphens}
     */
    public static Validator<String> matching(Pattern pattern, String description) {
        return new Validator<>(description, value -> pattern.matcher(value).matches());
    }

    /** Both this rule and the other. */
    public Validator<T> and(Validator<? super T> other) {
        return new Validator<>(description + " and " + other.description, value -> test(value) && other.test(value));
    }

    /** Whether the value keeps the rule. */
    public boolean test(T value) {
        return rule.test(value);
    }

    /** The rule in words, completing "must be ...". */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    private static String text(Object value) {
        return value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
    }
}
