package org.pfptracker.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.platform.event.Events;
import org.pfptracker.simulator.history.HistoryGenerator;
import org.pfptracker.simulator.progress.Phase;
import org.pfptracker.simulator.progress.Progress;
import org.pfptracker.simulator.progress.ProgressListener;
import org.pfptracker.simulator.support.Sinks;

class SimulatorTest {

    private static final SimulationPlan HALF_YEAR = SimulationPlan.of(42, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 7, 1), 1);
    private static final Instant NOW = Instant.parse("2030-05-06T12:00:00Z");

    @Test
    void shouldBackfillTheWholePeriodInHistoryOrderAndCountWhatWasAcknowledged() {
        // Given
        Sinks.Recording sink = new Sinks.Recording();
        Simulator simulator = Simulator.create(sink, HALF_YEAR, 100, Clock.systemUTC());

        // When
        BackfillResult result = simulator.backfill(ProgressListener.none());

        // Then
        List<SpecificRecord> expected = new HistoryGenerator(HALF_YEAR).stream().toList();
        assertThat(sink.events()).containsExactlyElementsOf(expected);
        assertThat(result.events()).isEqualTo(expected.size());
        assertThat(result.ending()).isEqualTo(Ending.END_OF_PERIOD);
        assertThat(result.lastEventAt()).isEqualTo(at(expected.get(expected.size() - 1)));
        assertThat(result.eventsByType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.size());
        assertThat(result.eventsByType()).containsEntry("PartnerJoined", 22L);
        assertThat(result.summary()).startsWith("Backfill: " + String.format("%,d", expected.size()) + " events in ")
                .contains("events/s").contains("end of the period");
    }

    @Test
    void shouldNeverHaveMoreThanTheBoundInFlight() {
        // Given a broker slower than the generator
        try (Sinks.Slow sink = new Sinks.Slow()) {
            Simulator simulator = Simulator.create(sink, HALF_YEAR, 16, Clock.systemUTC());

            // When
            BackfillResult result = simulator.backfill(ProgressListener.none());

            // Then: publishes piled up to the bound and no further, and every one was answered
            assertThat(sink.mostOutstanding()).isBetween(2, 16);
            assertThat(result.events()).isEqualTo(sink.acknowledged());
        }
    }

    @Test
    void shouldStopAtTheFirstRefusalAndSayHowManyEventsWereAcknowledged() {
        // Given a broker that refuses the 101st event
        Sinks.Refusing sink = new Sinks.Refusing(101);
        Simulator simulator = Simulator.create(sink, HALF_YEAR, 1, Clock.systemUTC());

        // When / Then
        assertThatThrownBy(() -> simulator.backfill(ProgressListener.none()))
                .isInstanceOf(SimulationFailedException.class)
                .hasMessageContaining("100 events were acknowledged")
                .hasMessageContaining(sink.events().get(100).getSchema().getName())
                .hasMessageContaining(Events.metadataOf(sink.events().get(100)).getEventId().toString())
                .hasMessageContaining("NOT_ENOUGH_REPLICAS")
                .satisfies(e -> assertThat(((SimulationFailedException) e).acknowledged()).isEqualTo(100));
        assertThat(sink.events()).as("nothing sent after the refused event").hasSize(101);
    }

    @Test
    void shouldStopAfterTheEventLimit() {
        Sinks.Recording sink = new Sinks.Recording();

        BackfillResult result = Simulator.create(sink, HALF_YEAR, 100, Clock.systemUTC()).backfill(500, ProgressListener.none());

        assertThat(result.events()).isEqualTo(500);
        assertThat(result.ending()).isEqualTo(Ending.MAX_EVENTS);
        assertThat(sink.events()).hasSize(500);
    }

    @Test
    void shouldEndCleanlyWhenAskedToStop() {
        // Given a sink that asks the simulator to stop at the 200th event
        List<Simulator> simulator = new ArrayList<>();
        Sinks.Recording sink = new Sinks.Recording() {
            @Override
            public CompletionStage<?> publish(SpecificRecord event) {
                CompletionStage<?> answer = super.publish(event);
                if (events().size() == 200) {
                    simulator.get(0).stop();
                }
                return answer;
            }
        };
        simulator.add(Simulator.create(sink, HALF_YEAR, 100, Clock.systemUTC()));

        // When
        BackfillResult result = simulator.get(0).backfill(ProgressListener.none());

        // Then
        assertThat(result.ending()).isEqualTo(Ending.STOPPED);
        assertThat(result.events()).isEqualTo(200);
    }

    @Test
    void shouldReportProgressEndingWithTheWholePeriodPublished() {
        List<Progress> reports = new ArrayList<>();
        ProgressListener listener = reports::add;

        BackfillResult result = Simulator.create(new Sinks.Recording(), HALF_YEAR, 100, Clock.systemUTC()).backfill(listener);

        assertThat(reports).isNotEmpty();
        Progress last = reports.get(reports.size() - 1);
        assertThat(last.phase()).isEqualTo(Phase.BACKFILL);
        assertThat(last.events()).isEqualTo(result.events());
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.eta()).isEmpty();
        assertThat(last.historyAt()).isEqualTo(result.lastEventAt());
    }

    @Test
    void shouldContinueTheHistoryLiveWithEachEventMovedToTheWallClock() {
        // Given a backfill done, and a wall clock long after the period
        Sinks.Recording sink = new Sinks.Recording();
        Simulator simulator = Simulator.create(sink, HALF_YEAR, 100, Clock.fixed(NOW, ZoneOffset.UTC));
        long backfilled = simulator.backfill(ProgressListener.none()).events();

        // When
        LiveResult live = simulator.live(LivePace.perSecond(5_000).withMaxEvents(300), ProgressListener.none());

        // Then: the next events of the same history, ids included, happening now
        HistoryGenerator history = new HistoryGenerator(HALF_YEAR);
        for (int i = 0; i < backfilled; i++) {
            history.next();
        }
        List<SpecificRecord> generated = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            generated.add(history.next());
        }
        List<SpecificRecord> published = sink.events().subList((int) backfilled, sink.events().size());
        assertThat(live.events()).isEqualTo(300);
        assertThat(live.ending()).isEqualTo(Ending.MAX_EVENTS);
        assertThat(published).extracting(event -> Events.metadataOf(event).getEventId())
                .containsExactlyElementsOf(generated.stream().map(event -> Events.metadataOf(event).getEventId()).toList());
        assertThat(published).allSatisfy(event -> assertThat(at(event)).isEqualTo(NOW));
        // and a proposal still plans to start as many days ahead as it did in the generated history
        for (int i = 0; i < published.size(); i++) {
            if (published.get(i) instanceof ActivityProposed moved) {
                ActivityProposed original = (ActivityProposed) generated.get(i);
                assertThat(leadDays(moved)).isEqualTo(leadDays(original));
            }
        }
    }

    @Test
    void shouldNeverStampALiveEventBeforeTheHistoryAlreadyPublished() {
        // Given a wall clock behind the backfilled history
        Sinks.Recording sink = new Sinks.Recording();
        Simulator simulator = Simulator.create(sink, HALF_YEAR, 100, Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC));
        BackfillResult history = simulator.backfill(ProgressListener.none());

        // When
        simulator.live(LivePace.perSecond(5_000).withMaxEvents(20), ProgressListener.none());

        // Then
        assertThat(sink.events().subList((int) history.events(), sink.events().size()))
                .allSatisfy(event -> assertThat(at(event)).isEqualTo(history.lastEventAt()));
    }

    @Test
    void shouldEndALiveRunAfterItsTime() {
        Simulator simulator = Simulator.create(new Sinks.Recording(), HALF_YEAR, 100, Clock.systemUTC());
        simulator.backfill(ProgressListener.none());

        LiveResult result = simulator.live(LivePace.perSecond(50).withMaxDuration(Duration.ofMillis(300)),
                ProgressListener.none());

        assertThat(result.ending()).isEqualTo(Ending.MAX_DURATION);
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        // fifteen slots of 20 ms fit in 300 ms; a loaded machine may lose a few, never add any
        assertThat(result.events()).isBetween(5L, 17L);
    }

    @Test
    void shouldRefuseToGoLiveBeforeTheBackfill() {
        Simulator simulator = Simulator.create(new Sinks.Recording(), HALF_YEAR, 100, Clock.systemUTC());

        assertThatThrownBy(() -> simulator.live(LivePace.perSecond(1), ProgressListener.none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("backfill first");
    }

    @Test
    void shouldStopALiveRunOnItsOwnThread() {
        // Given
        Sinks.Recording sink = new Sinks.Recording();
        Simulator simulator = Simulator.create(sink, HALF_YEAR, 100, Clock.systemUTC());
        long backfilled = simulator.backfill(ProgressListener.none()).events();

        // When
        LiveRun run = simulator.startLive(LivePace.perSecond(200), ProgressListener.none());
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.events().size() >= backfilled + 5);
        LiveResult result = run.stop();

        // Then
        assertThat(result.ending()).isEqualTo(Ending.STOPPED);
        assertThat(result.events()).isEqualTo(sink.events().size() - backfilled);
        assertThat(run.result()).isCompletedWithValue(result);
    }

    private static Instant at(SpecificRecord event) {
        return Events.metadataOf(event).getOccurredAt();
    }

    private static long leadDays(ActivityProposed proposal) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(at(proposal), ZoneOffset.UTC), proposal.getPlannedStart());
    }
}
