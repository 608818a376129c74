package org.pfptracker.core.partner;

/** Text that was to be a partner id is not one; the message quotes it (shortened) and says the rule. */
public final class InvalidPartnerIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Longest part of the refused text quoted back: it may be anything, of any length. */
    private static final int QUOTED = 80;

    private final String text;

    public InvalidPartnerIdException(String text) {
        super(text == null ? "A partner id is missing: it " + PartnerId.RULE
                : "'" + shortened(text) + "' is not a partner id: it " + PartnerId.RULE);
        this.text = text;
    }

    /** The refused text, as given; {@code null} when there was none. */
    public String text() {
        return text;
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= QUOTED ? oneLine : oneLine.substring(0, QUOTED) + "...";
    }
}
