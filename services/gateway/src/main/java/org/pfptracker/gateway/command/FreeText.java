package org.pfptracker.gateway.command;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for text a person wrote (a title, a name, a reason, a report), applied to every string a command
 * carries: {@link CommandBody} reads each string field of the event's schema through here, whether a mapper
 * reads it or {@link CommandBody#withSchemaFields} carries it, so a field added to a schema is covered
 * without a list to update. (Ids and enum symbols are strings too; their own pattern is checked after this.)
 *
 * <p>What the text becomes: Unicode NFC, so that the same words typed on two systems are the same string (the
 * tracker, the dashboard and every consumer compare and count them); line breaks written as {@code \n}; no
 * leading or trailing white space of any kind (no-break space included).
 *
 * <p>What is refused, with the reason: control characters (a terminal escape, a NUL, a bell only corrupt
 * logs, CSV exports and terminals downstream), except line breaks and tabs in {@link Form#PARAGRAPHS};
 * bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which display text in
 * another order than it is stored, so that what a reviewer reads is not what is recorded (the "Trojan
 * Source" trick); an unpaired surrogate, which is no character at all and which UTF-8 (so Avro) cannot
 * carry (it would be replaced by '?' silently); and text with no visible character (only spaces, zero-width
 * spaces, joiners, fillers, marks without a letter). The bidirectional <em>marks</em> (U+200E, U+200F,
 * U+061C) are allowed: they affect only the neutral characters next to them, and right-to-left names need
 * them.
 */
final class FreeText {

    /** What a text field may span. */
    enum Form {
        /** A title, a name, an id: shown on one line, so no line break and no tab. */
        LINE,
        /** A reason, a report, a description, a summary: prose, where line breaks and tabs are writing. */
        PARAGRAPHS;

        /**
         * The form of a field from its length limit: a limit above {@link #LONGEST_LINE} is for prose. The
         * limit is what each mapper already states for its field (and the longest for a field only the
         * schema knows), so no second list of "long" fields has to be kept.
         */
        static Form forMaxLength(int maxLength) {
            return maxLength > LONGEST_LINE ? PARAGRAPHS : LINE;
        }
    }

    /** The longest limit of a one-line field: titles and names are at most 200 characters. */
    static final int LONGEST_LINE = 200;

    /**
     * Letters and symbols that render as nothing although their category says otherwise: Unicode lists the
     * Hangul fillers as default-ignorable, and the blank braille pattern is a favourite for "empty" names.
     */
    private static final Set<Integer> BLANK_GLYPHS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private FreeText() {
    }

    /**
     * The text in its stored form: NFC, line breaks (CR LF, CR, NEL, U+2028, U+2029) as {@code \n} in
     * paragraphs, trimmed. A line's breaks are left for {@link #faultOf} to refuse: joining the lines would
     * guess at what the client meant.
     */
    static String normalised(String raw, Form form) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (form == Form.PARAGRAPHS) {
            text = text.replace("\r\n", "\n").replaceAll("[\r\u0085\u2028\u2029]", "\n");
        }
        return trimmed(text);
    }

    /** What is wrong with a normalised text, in words for a client; empty when nothing is. */
    static Optional<String> faultOf(String text, Form form) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.SURROGATE) {
                return Optional.of("must not contain an unpaired surrogate (" + named(codePoint) + "): it is not a "
                        + "character, and UTF-8 cannot carry it");
            }
            if (isBidiControl(codePoint)) {
                return Optional.of("must not contain the bidirectional control " + named(codePoint) + ": it shows "
                        + "the text in another order than it is stored");
            }
            if (isLineBreakOrTab(codePoint)) {
                if (form == Form.LINE) {
                    return Optional.of("must be a single line, without line breaks or tabs (found " + named(codePoint)
                            + ")");
                }
            } else if (Character.getType(codePoint) == Character.CONTROL) {
                return Optional.of("must not contain control characters (found " + named(codePoint) + ")");
            }
            visible |= isVisible(codePoint);
        }
        return visible ? Optional.empty() : Optional.of("must not be blank");
    }

    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isLineBreakOrTab(int codePoint) {
        return codePoint == '\n' || codePoint == '\t' || codePoint == '\r' || codePoint == 0x85
                || codePoint == 0x2028 || codePoint == 0x2029;
    }

    private static boolean isVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.SURROGATE -> false;
            default -> !Character.isWhitespace(codePoint) && !BLANK_GLYPHS.contains(codePoint);
        };
    }

    /** Without white space of any kind at either end: String.strip leaves the no-break spaces. */
    private static String trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** U+202E (RIGHT-TO-LEFT OVERRIDE): unambiguous whatever the client's font shows. */
    private static String named(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " " + name);
    }
}
