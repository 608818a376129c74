package org.pfptracker.platform.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pfptracker.core.partner.PartnerId;

/** The reference partners follow the one rule for partner ids (the rule itself is tested in core). */
class ReferencePartnerIdsTest {

    @Test
    void shouldAcceptEveryReferencePartner() {
        assertThat(ReferencePartners.of2014()).extracting(ReferencePartner::partnerId).allMatch(PartnerId::isValid);
    }
}
