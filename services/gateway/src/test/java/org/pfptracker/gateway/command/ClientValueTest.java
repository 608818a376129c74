package org.pfptracker.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a message shows back what a client sent. */
class ClientValueTest {

    @Test
    void shouldShowAShortPrintableValueAsItIs() {
        assertThat(ClientValue.shown("Caf\u00E9 \uD83D\uDC4D")).isEqualTo("Caf\u00E9 \uD83D\uDC4D");
    }

    @Test
    void shouldEscapeControlBidirectionalInvisibleAndUnpairedCharacters() {
        assertThat(ClientValue.shown("a\u0007b\u202Ec\u200Bd\uD800e\nf"))
                .isEqualTo("a\\u0007b\\u202Ec\\u200Bd\\uD800e\\u000Af");
    }

    @Test
    void shouldCutALongValueToEightyCharactersWithoutSplittingACharacter() {
        // Given: a two-unit character (an emoji) where the cut falls
        String value = "x".repeat(76) + "\uD83D\uDC4D" + "y".repeat(10);

        // When
        String shown = ClientValue.shown(value);

        // Then
        assertThat(shown).hasSizeLessThanOrEqualTo(80).endsWith("...");
        assertThat(shown.codePoints()).noneMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE);
        assertThat(ClientValue.shown("z".repeat(80))).isEqualTo("z".repeat(80));
    }
}
