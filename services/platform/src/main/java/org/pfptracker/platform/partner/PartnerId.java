package org.pfptracker.platform.partner;

import java.util.regex.Pattern;

/**
 * What a partner id is, everywhere: the gateway's commands, the tracker's events and URLs, the reference
 * data. Lower-case words joined by hyphens ({@code bosnia-and-herzegovina}), 1 to 64 characters: safe as
 * a URL path segment, a log field, and a prefix of the tracker's store keys, whose separator ({@code /})
 * it can never contain.
 */
public final class PartnerId {

    /** The form, as a pattern for whole-text matches. */
    public static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** The form, said to the person who got it wrong. */
    public static final String RULE = "must be 1-64 lower-case letters, digits and hyphens, starting with a letter or"
            + " digit, e.g. 'republic-of-moldova'";

    private PartnerId() {
    }

    /** Whether the text is a partner id (and so safe to log, route and key by as it is). */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
