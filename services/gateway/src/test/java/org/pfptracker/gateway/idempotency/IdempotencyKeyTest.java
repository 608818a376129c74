package org.pfptracker.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final String PATH = "/api/v1/partners/georgia/activities";

    @Test
    void shouldDeriveTheSameEventIdForTheSameKeyMethodAndPathEveryTime() {
        IdempotencyKey key = new IdempotencyKey("5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11");

        UUID first = key.eventIdFor("POST", PATH);
        UUID again = new IdempotencyKey("5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11").eventIdFor("POST", PATH);

        assertThat(first).isEqualTo(again);
        // Pinned: an id that changed between releases would make a retry across an upgrade a new event.
        assertThat(first).isEqualTo(UUID.nameUUIDFromBytes(
                ("pfp-gateway/idempotency-key\nPOST\n" + PATH + "\n5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11").getBytes()));
    }

    @Test
    void shouldDeriveDifferentEventIdsForAnotherKeyMethodOrPath() {
        IdempotencyKey key = new IdempotencyKey("k-1");

        assertThat(key.eventIdFor("POST", PATH))
                .isNotEqualTo(new IdempotencyKey("k-2").eventIdFor("POST", PATH))
                .isNotEqualTo(key.eventIdFor("PUT", PATH))
                .isNotEqualTo(key.eventIdFor("POST", "/api/v1/partners/armenia/activities"));
    }

    @Test
    void shouldReadTheKeyBareOrQuotedAndNothingWhenTheHeaderIsAbsent() {
        assertThat(IdempotencyKey.fromHeader("abc-123")).contains(new IdempotencyKey("abc-123"));
        assertThat(IdempotencyKey.fromHeader("\"abc-123\"")).contains(new IdempotencyKey("abc-123"));
        assertThat(IdempotencyKey.fromHeader(null)).isEmpty();
    }

    @Test
    void shouldRefuseAnEmptyOverlongOrSpacedKey() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-255");
    }
}
