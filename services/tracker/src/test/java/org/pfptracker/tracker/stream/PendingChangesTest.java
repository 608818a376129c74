package org.pfptracker.tracker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PendingChangesTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void shouldHandOverEachChangedPartnerOnceInTheOrderFirstSeen() throws Exception {
        // Given
        PendingChanges pending = new PendingChanges(10);

        // When
        pending.add(List.of("georgia", "ukraine"));
        pending.add(List.of("georgia", "armenia"));

        // Then
        PendingChanges.Batch batch = pending.take(NO_WAIT);
        assertThat(batch.partnerIds()).containsExactly("georgia", "ukraine", "armenia");
        assertThat(batch.resync()).isFalse();
        assertThat(pending.take(NO_WAIT).isEmpty()).isTrue();
    }

    @Test
    void shouldReplaceABacklogLargerThanItsBufferWithOneResync() throws Exception {
        // Given
        PendingChanges pending = new PendingChanges(2);

        // When
        pending.add(List.of("georgia", "ukraine", "armenia"));
        pending.add(List.of("malta"));

        // Then
        PendingChanges.Batch batch = pending.take(NO_WAIT);
        assertThat(batch.resync()).isTrue();
        assertThat(batch.partnerIds()).isEmpty();
        assertThat(pending.take(NO_WAIT).isEmpty()).isTrue();
    }

    @Test
    void shouldAnswerAnEmptyBatchWhenNothingChangedWithinTheWait() throws Exception {
        // Given
        PendingChanges pending = new PendingChanges(10);

        // When
        PendingChanges.Batch batch = pending.take(Duration.ofMillis(20));

        // Then
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void shouldWakeAWaitingSenderAsSoonAsAChangeArrives() throws Exception {
        // Given
        PendingChanges pending = new PendingChanges(10);
        CompletableFuture<PendingChanges.Batch> taken = CompletableFuture.supplyAsync(() -> take(pending, Duration.ofMinutes(1)));

        // When
        pending.add(List.of("georgia"));

        // Then
        assertThat(taken.get(10, TimeUnit.SECONDS).partnerIds()).containsExactly("georgia");
    }

    @Test
    void shouldTellAWaitingSenderToStopWhenClosed() throws Exception {
        // Given
        PendingChanges pending = new PendingChanges(10);
        CompletableFuture<PendingChanges.Batch> taken = CompletableFuture.supplyAsync(() -> take(pending, Duration.ofMinutes(1)));

        // When
        pending.close();

        // Then
        assertThat(taken.get(10, TimeUnit.SECONDS).closed()).isTrue();
        pending.add(List.of("georgia"));
        assertThat(pending.take(NO_WAIT).closed()).isTrue();
    }

    private static PendingChanges.Batch take(PendingChanges pending, Duration wait) {
        try {
            return pending.take(wait);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
