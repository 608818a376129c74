package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pfptracker.gateway.command.FreeText.Form;

/** The rules for text a person wrote, as pure functions: what the stored text is, and what is refused. */
class FreeTextTest {

    @Test
    void shouldStoreTheComposedFormTrimmedOfWhiteSpaceOfAnyKind() {
        // Given: an e and a combining acute accent, between a no-break space and an ideographic space
        String typed = "\u00A0 Cafe\u0301 seminar\u3000\n";

        // When
        String stored = FreeText.normalised(typed, Form.LINE);

        // Then: NFC (one character, U+00E9) and nothing invisible at either end
        assertThat(stored).isEqualTo("Caf\u00E9 seminar");
        assertThat(FreeText.faultOf(stored, Form.LINE)).isEmpty();
    }

    @Test
    void shouldKeepLineBreaksAndTabsInProseWrittenAsLineFeeds() {
        String stored = FreeText.normalised("Went well.\r\nNext time:\r\tmore time\u2028for questions", Form.PARAGRAPHS);

        assertThat(stored).isEqualTo("Went well.\nNext time:\n\tmore time\nfor questions");
        assertThat(FreeText.faultOf(stored, Form.PARAGRAPHS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Staff\ncourse", "Staff\tcourse", "Staff\rcourse", "Staff\u2028course"})
    void shouldRefuseALineBreakOrTabInAOneLineText(String title) {
        Optional<String> fault = FreeText.faultOf(FreeText.normalised(title, Form.LINE), Form.LINE);

        assertThat(fault).hasValueSatisfying(reason -> assertThat(reason).startsWith("must be a single line"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001B[31m", "\u007F", "\u009B"})
    void shouldRefuseControlCharactersEvenInProseNamingTheCharacter(String control) {
        String text = FreeText.normalised("Report " + control + " end", Form.PARAGRAPHS);

        assertThat(FreeText.faultOf(text, Form.PARAGRAPHS)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("must not contain control characters")
                .contains(String.format("U+%04X", (int) control.charAt(0))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void shouldRefuseBidirectionalEmbeddingsOverridesAndIsolates(int control) {
        String text = "invoice" + Character.toString(control) + "fdp.exe";

        assertThat(FreeText.faultOf(text, Form.PARAGRAPHS)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("bidirectional control", String.format("U+%04X", control)));
    }

    @Test
    void shouldAllowTheBidirectionalMarksThatRightToLeftNamesNeed() {
        // Hebrew "shalom" followed by a left-to-right mark, and an Arabic letter mark
        assertThat(FreeText.faultOf("\u05E9\u05DC\u05D5\u05DD\u200E (2024)", Form.LINE)).isEmpty();
        assertThat(FreeText.faultOf("\u0633\u061C 1", Form.LINE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u200B\u200B\u200B", "\u200D", "\uFEFF", "\u3164", "\u2800\u2800", "\u0301",
            "\u00AD", "\u00A0\u200B\u00A0"})
    void shouldRefuseTextWithNoVisibleCharacterAsBlank(String invisible) {
        String text = FreeText.normalised(invisible, Form.LINE);

        assertThat(FreeText.faultOf(text, Form.LINE)).contains("must not be blank");
    }

    @Test
    void shouldAcceptVisibleTextHoldingInvisibleCharactersThatScriptsAndEmojiNeed() {
        // A family emoji joined by zero-width joiners, a Persian word with a zero-width non-joiner
        assertThat(FreeText.faultOf("Team \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", Form.LINE)).isEmpty();
        assertThat(FreeText.faultOf("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", Form.LINE)).isEmpty();
    }

    @Test
    void shouldRefuseAnUnpairedSurrogateWhichUtf8CannotCarry() {
        String text = FreeText.normalised("Semi\uD800nar", Form.LINE);

        assertThat(FreeText.faultOf(text, Form.LINE)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("unpaired surrogate", "U+D800"));
    }

    @Test
    void shouldTreatALimitAboveTwoHundredCharactersAsProse() {
        assertThat(Form.forMaxLength(200)).isEqualTo(Form.LINE);
        assertThat(Form.forMaxLength(201)).isEqualTo(Form.PARAGRAPHS);
    }
}
