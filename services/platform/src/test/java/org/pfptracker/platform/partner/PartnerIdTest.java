package org.pfptracker.platform.partner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pfptracker.core.partner.PartnerId;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferencePartners;

/** One rule for partner ids, which every reference partner follows. */
class PartnerIdTest {

    @Test
    void shouldAcceptEveryReferencePartner() {
        assertThat(ReferencePartners.of2014()).extracting(ReferencePartner::partnerId).allMatch(PartnerId::isValid);
    }

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
}
