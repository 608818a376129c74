package org.pfptracker.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.pfptracker.gateway.idempotency.IdempotencyStore.Claim;

class IdempotencyStoreTest {

    private static final Duration TTL = Duration.ofHours(24);
    private static final IdempotencyKey KEY = new IdempotencyKey("k-1");
    private static final RequestFingerprint FP = new RequestFingerprint("fp");

    private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T12:00:00Z"));

    @Test
    void shouldReplayTheFirstAnswerToTheSameRequest() {
        // Given
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 10, clock);
        Claim<String> first = store.claim(KEY, FP);
        ((Claim.First<String>) first).outcome().complete("202 body");

        // When
        Claim<String> retry = store.claim(KEY, FP);

        // Then
        assertThat(retry).isInstanceOf(Claim.Replay.class);
        assertThat(((Claim.Replay<String>) retry).outcome()).isCompletedWithValue("202 body");
    }

    @Test
    void shouldLetARetryWaitForTheFirstAttemptStillInFlight() {
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 10, clock);
        Claim.First<String> first = (Claim.First<String>) store.claim(KEY, FP);

        Claim<String> concurrent = store.claim(KEY, FP);
        assertThat(concurrent).isInstanceOf(Claim.Replay.class);
        assertThat(((Claim.Replay<String>) concurrent).outcome()).isNotDone();

        first.outcome().complete("202 body");
        assertThat(((Claim.Replay<String>) concurrent).outcome()).isCompletedWithValue("202 body");
    }

    @Test
    void shouldReportTheSameKeyWithADifferentRequestAsAMismatch() {
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 10, clock);
        store.claim(KEY, FP);

        assertThat(store.claim(KEY, new RequestFingerprint("another body"))).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void shouldForgetAFailedAttemptSoThatItsRetryPublishes() {
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 10, clock);
        Claim.First<String> first = (Claim.First<String>) store.claim(KEY, FP);

        first.outcome().completeExceptionally(new IllegalStateException("not enough replicas"));

        assertThat(store.size()).isZero();
        assertThat(store.claim(KEY, FP)).isInstanceOf(Claim.First.class);
    }

    @Test
    void shouldForgetAKeyOnceItsTimeToLiveHasPassed() {
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 10, clock);
        ((Claim.First<String>) store.claim(KEY, FP)).outcome().complete("202 body");

        clock.advance(TTL.minusSeconds(1));
        assertThat(store.claim(KEY, FP)).isInstanceOf(Claim.Replay.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(store.claim(KEY, FP)).isInstanceOf(Claim.First.class);
    }

    @Test
    void shouldForgetTheOldestKeyWhenFull() {
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 2, clock);
        store.claim(new IdempotencyKey("oldest"), FP);
        store.claim(new IdempotencyKey("middle"), FP);

        store.claim(new IdempotencyKey("newest"), FP);

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.claim(new IdempotencyKey("middle"), FP)).isInstanceOf(Claim.Replay.class);
        assertThat(store.claim(new IdempotencyKey("oldest"), FP)).isInstanceOf(Claim.First.class);
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void shouldKeepEachClientsKeysApart() {
        IdempotencyStore<String> store = new IdempotencyStore<>(TTL, 10, clock);

        IdempotencyStore.Claim<String> first = store.claim("system-a", KEY, FP);
        IdempotencyStore.Claim<String> otherClient = store.claim("system-b", KEY, new RequestFingerprint("other"));
        IdempotencyStore.Claim<String> retry = store.claim("system-a", KEY, FP);

        assertThat(first).isInstanceOf(IdempotencyStore.Claim.First.class);
        assertThat(otherClient).isInstanceOf(IdempotencyStore.Claim.First.class);
        assertThat(retry).isInstanceOf(IdempotencyStore.Claim.Replay.class);
    }
}
