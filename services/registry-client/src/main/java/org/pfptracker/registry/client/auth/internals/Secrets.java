package org.pfptracker.registry.client.auth.internals;

import java.net.URI;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of text that may be printed: URLs without their user info, and messages with any
 * known secret replaced. Every message this client builds from configuration or from a server's
 * answer goes through here before it reaches an exception or a log line.
 */
public final class Secrets {

    /** What is printed where a secret would be. */
    public static final String HIDDEN = "[hidden]";

    /** {@code scheme://user:password@} in any text, e.g. a URL that did not parse. */
    private static final Pattern USER_INFO_IN_TEXT = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/?#\\s@]*@");

    /** Secrets shorter than this are not searched for in text: "a" would hide every "a". */
    private static final int SHORTEST_REDACTED = 4;

    private Secrets() {
    }

    /**
     * The URL without its user info: the key of a base URL, and what messages print.
     *
     * @throws IllegalArgumentException when the URL cannot be rebuilt; the message carries no user info
     */
    public static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        StringBuilder text = new StringBuilder()
                .append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() >= 0) {
            text.append(':').append(url.getPort());
        }
        // The raw (still percent-encoded) parts, so that nothing is decoded or encoded twice.
        if (url.getRawPath() != null) {
            text.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            text.append('?').append(url.getRawQuery());
        }
        if (url.getRawFragment() != null) {
            text.append('#').append(url.getRawFragment());
        }
        try {
            return URI.create(text.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid URL: " + url.getScheme() + "://" + url.getHost());
        }
    }

    /**
     * A URL as it was configured, for a message: everything between {@code ://} and the last {@code @}
     * is hidden, spaces included, since a URL that did not parse has no reliable user info to cut out.
     */
    public static String configuredUrl(String text) {
        if (text == null) {
            return null;
        }
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int at = text.lastIndexOf('@');
        return at < start ? text : text.substring(0, start) + HIDDEN + text.substring(at);
    }

    /** The text with the user info of any URL in it hidden. */
    public static String withoutUserInfo(String text) {
        return text == null ? null : USER_INFO_IN_TEXT.matcher(text).replaceAll("$1" + HIDDEN + "@");
    }

    /** The text with each of the secrets, and any URL user info, replaced by {@link #HIDDEN}. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String redacted = withoutUserInfo(text);
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_REDACTED) {
                redacted = redacted.replace(secret, HIDDEN);
            }
        }
        return redacted;
    }
}
