package org.pfptracker.core.partner;

import java.util.regex.Pattern;

/**
 * A partner's id, the same everywhere: the gateway's commands, the tracker's events and URLs, tokens'
 * partner claim, the reference data. Lower-case words joined by hyphens ({@code bosnia-and-herzegovina}),
 * 1 to 64 characters: safe as a URL path segment, a log field, and a prefix of the tracker's store keys,
 * whose separator ({@code /}) it can never contain. A {@code PartnerId} is always well formed.
 *
 * @param value the id as text
 */
public record PartnerId(String value) {

    /** The form, as a regular expression for whole-text matches (and HTML's {@code pattern} attribute). */
    public static final String REGEX = "[a-z0-9][a-z0-9-]{0,63}";
    /** The form, as a pattern for whole-text matches. */
    public static final Pattern FORMAT = Pattern.compile(REGEX);
    /** The form, said to the person who got it wrong. */
    public static final String RULE = "must be 1-64 lower-case letters, digits and hyphens, starting with a letter or"
            + " digit, e.g. 'republic-of-moldova'";

    /** @throws InvalidPartnerIdException when the text is not a partner id */
    public PartnerId {
        if (!isValid(value)) {
            throw new InvalidPartnerIdException(value);
        }
    }

    /**
     * The partner id the text is.
     *
     * @throws InvalidPartnerIdException saying the rule when it is not one
     */
    public static PartnerId parse(String text) {
        return new PartnerId(text);
    }

    /** Whether the text is a partner id (and so safe to log, route and key by as it is). */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
