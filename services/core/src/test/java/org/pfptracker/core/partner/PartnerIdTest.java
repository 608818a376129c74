package org.pfptracker.core.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One rule for partner ids, checked when one is made. */
class PartnerIdTest {

    @Test
    void shouldRefuseWhatCouldBreakAUrlALogLineOrAStoreKey() {
        assertThat(PartnerId.isValid("ukraine/georgia")).isFalse();
        assertThat(PartnerId.isValid("Ukraine")).isFalse();
        assertThat(PartnerId.isValid("-ukraine")).isFalse();
        assertThat(PartnerId.isValid("ukraine\n")).isFalse();
        assertThat(PartnerId.isValid("")).isFalse();
        assertThat(PartnerId.isValid(null)).isFalse();
        assertThat(PartnerId.isValid("a".repeat(64))).isTrue();
        assertThat(PartnerId.isValid("a".repeat(65))).isFalse();
    }

    @Test
    void shouldBeItsTextAndEqualByIt() {
        PartnerId moldova = PartnerId.parse("republic-of-moldova");

        assertThat(moldova.value()).isEqualTo("republic-of-moldova");
        assertThat(moldova).hasToString("republic-of-moldova").isEqualTo(new PartnerId("republic-of-moldova"));
    }

    @Test
    void shouldSayTheRuleWhenRefusing() {
        assertThatThrownBy(() -> PartnerId.parse("Ukraine"))
                .isInstanceOf(InvalidPartnerIdException.class).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Ukraine' is not a partner id: it " + PartnerId.RULE);
        assertThatThrownBy(() -> PartnerId.parse(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> PartnerId.parse("x".repeat(500) + "\n"))
                .hasMessageContaining("...").hasMessageNotContaining("\n");
    }
}
