package org.pfptracker.gateway.command;

import java.util.Locale;

/**
 * A value a client sent, as a message shows it back ("was '...'"). Cut short, because echoing a huge value
 * would make the problem body as big as the request; and with its control, bidirectional, invisible and
 * unpaired-surrogate characters escaped (U+202E is shown as backslash, u, 202E), because written as they
 * are they would garble the message, and every log line and terminal it reaches.
 */
public final class ClientValue {

    private static final int LONGEST = 80;

    private ClientValue() {
    }

    /** The value escaped, and cut to 80 characters with "..." if longer. */
    public static String shown(String value) {
        StringBuilder escaped = new StringBuilder();
        value.codePoints().forEach(codePoint -> {
            if (isPrintable(codePoint)) {
                escaped.appendCodePoint(codePoint);
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04X", codePoint));
            }
        });
        if (escaped.length() <= LONGEST) {
            return escaped.toString();
        }
        // Never cut a character in two: half a surrogate pair is no character at all.
        int end = Character.isHighSurrogate(escaped.charAt(LONGEST - 4)) ? LONGEST - 4 : LONGEST - 3;
        return escaped.substring(0, end) + "...";
    }

    private static boolean isPrintable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
