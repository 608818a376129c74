package org.pfptracker.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/api/v1/partners/georgia/activities";
    private static final RequestFingerprint PROPOSAL = fingerprint("POST", PATH, "{\"title\": \"Seminar\"}");

    @Test
    void shouldDeriveTheSameEventIdForTheSameKeyAndRequestEveryTime() {
        // Given
        IdempotencyKey key = new IdempotencyKey("5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11");

        // When
        UUID first = key.eventIdFor(PROPOSAL);
        UUID again = new IdempotencyKey("5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11")
                .eventIdFor(fingerprint("POST", PATH, "{ \"title\" : \"Seminar\" }"));

        // Then
        assertThat(first).isEqualTo(again);
        // Pinned: an id that changed between releases would make a retry across an upgrade a new event.
        assertThat(first).isEqualTo(UUID.nameUUIDFromBytes(("pfp-gateway/idempotency-key/v2\n" + PROPOSAL.sha256()
                + "\n5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11").getBytes()));
    }

    @Test
    void shouldDeriveDifferentEventIdsForAnotherKeyMethodPathOrBody() {
        IdempotencyKey key = new IdempotencyKey("k-1");

        assertThat(key.eventIdFor(PROPOSAL))
                .isNotEqualTo(new IdempotencyKey("k-2").eventIdFor(PROPOSAL))
                .isNotEqualTo(key.eventIdFor(fingerprint("PUT", PATH, "{\"title\": \"Seminar\"}")))
                .isNotEqualTo(key.eventIdFor(fingerprint("POST", "/api/v1/partners/armenia/activities",
                        "{\"title\": \"Seminar\"}")))
                .isNotEqualTo(key.eventIdFor(fingerprint("POST", PATH, "{\"title\": \"Another seminar\"}")));
    }

    @Test
    void shouldReadTheKeyBareOrQuotedAndNothingWhenTheHeaderIsAbsent() {
        assertThat(IdempotencyKey.fromHeader("abc-123")).contains(new IdempotencyKey("abc-123"));
        assertThat(IdempotencyKey.fromHeader("\"abc-123\"")).contains(new IdempotencyKey("abc-123"));
        assertThat(IdempotencyKey.fromHeader(null)).isEmpty();
        assertThat(IdempotencyKey.fromHeaders(List.of())).isEmpty();
        assertThat(IdempotencyKey.fromHeaders(List.of("abc-123"))).contains(new IdempotencyKey("abc-123"));
    }

    @Test
    void shouldRefuseAnEmptyOverlongOrSpacedKey() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdempotencyKey.fromHeader("k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-255");
    }

    @Test
    void shouldRefuseAKeySentTwiceEvenWhenBothAreTheSame() {
        assertThatThrownBy(() -> IdempotencyKey.fromHeaders(List.of("k-1", "k-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Idempotency-Key", "2 times");
        assertThatThrownBy(() -> IdempotencyKey.fromHeaders(List.of("k-1", "k-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RequestFingerprint fingerprint(String method, String path, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return RequestFingerprint.of(method, path, json);
        } catch (Exception e) {
            throw new IllegalArgumentException(body, e);
        }
    }
}
