package org.pfptracker.gateway.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context {@code traceparent} header, passed on to the Kafka record only when well formed:
 * the specification asks a receiver to ignore a malformed one (and start a new trace) rather than to
 * refuse the request, and a malformed value would only mislead every consumer downstream.
 */
final class Traceparent {

    static final String HEADER = "traceparent";

    private static final Pattern FORM = Pattern.compile(
            "([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[^\\s]*)?");
    private static final String INVALID_VERSION = "ff";
    private static final String VERSION_00 = "00";

    private Traceparent() {
    }

    /** The header value if it is a valid traceparent; empty when absent or malformed. */
    static Optional<String> valid(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        Matcher matcher = FORM.matcher(value);
        if (!matcher.matches()
                || matcher.group(1).equals(INVALID_VERSION)
                || isAllZeros(matcher.group(2))
                || isAllZeros(matcher.group(3))
                // Version 00 has exactly four fields; later versions may append more.
                || (matcher.group(1).equals(VERSION_00) && matcher.group(5) != null)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static boolean isAllZeros(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
