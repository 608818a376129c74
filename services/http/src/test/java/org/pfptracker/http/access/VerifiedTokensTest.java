package org.pfptracker.http.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verified tokens are trusted until they expire, and never longer than the recheck interval. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Identity STAFF = new Identity("staff", "dashboard", Set.of(Role.STAFF_READER), null, Set.of());

    private Instant now = NOW;
    private final VerifiedTokens tokens = new VerifiedTokens(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void shouldForgetATokenWhenItExpires() {
        tokens.remember("t1", STAFF, NOW.plusSeconds(60));

        assertThat(tokens.find("t1")).isEqualTo(STAFF);
        now = NOW.plusSeconds(60);
        assertThat(tokens.find("t1")).isNull();
    }

    @Test
    void shouldCheckALongLivedTokenAgainAfterTheRecheckInterval() {
        tokens.remember("t2", STAFF, NOW.plus(Duration.ofDays(30)));

        now = NOW.plus(VerifiedTokens.RECHECK).minusSeconds(1);
        assertThat(tokens.find("t2")).isEqualTo(STAFF);
        now = NOW.plus(VerifiedTokens.RECHECK);
        assertThat(tokens.find("t2")).isNull();
    }

    @Test
    void shouldStayBoundedUnderAFloodOfDistinctTokens() {
        for (int i = 0; i <= VerifiedTokens.MAX_TOKENS; i++) {
            tokens.remember("flood-" + i, STAFF, NOW.plusSeconds(60));
        }

        tokens.remember("last", STAFF, NOW.plusSeconds(60));

        assertThat(tokens.find("last")).isEqualTo(STAFF);
        assertThat(tokens.find("flood-0")).isNull();
    }

    @Test
    void shouldNotKnowATokenItNeverVerified() {
        assertThat(tokens.find("never")).isNull();
    }
}
