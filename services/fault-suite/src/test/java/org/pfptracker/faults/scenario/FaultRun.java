package org.pfptracker.faults.scenario;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.pfptracker.faults.cluster.Service;
import org.pfptracker.faults.cluster.SystemUnderTest;
import org.pfptracker.faults.load.Acknowledgement;
import org.pfptracker.faults.load.LiveFeed;
import org.pfptracker.faults.load.LoadClient;
import org.pfptracker.faults.load.QueryAnswer;
import org.pfptracker.faults.load.QueryReaders;
import org.pfptracker.faults.load.Rotation;
import org.pfptracker.faults.measure.EventLog;
import org.pfptracker.faults.measure.ScenarioResult;
import org.pfptracker.faults.measure.ViewCheck;
import org.pfptracker.platform.event.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario, start to end: its own partners join, load and readers and a live feed page start, the
 * fault is done and mended, the load stops, the views are given time to converge, and then what was
 * acknowledged is held against what the topics and the views hold.
 */
final class FaultRun {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
    /** Commands a second, through both gateways together. */
    static final int RATE = 10;
    private static final int PARTNERS = 8;
    /** How long after its command's 202 the live feed must have said something of the partner. */
    private static final Duration FEED_WINDOW = Duration.ofSeconds(15);
    /** How long the page may take, once the views have converged, to be told of their last changes. */
    private static final Duration FEED_SETTLE = Duration.ofSeconds(10);
    private static final Duration CONVERGENCE_PATIENCE = Duration.ofSeconds(180);

    private final SystemUnderTest system;
    private final Duration outage;

    FaultRun(SystemUnderTest system, Duration outage) {
        this.system = system;
        this.outage = outage;
    }

    ScenarioResult run(Scenario scenario) {
        long started = System.nanoTime();
        List<String> partners = IntStream.range(0, PARTNERS).mapToObj(i -> scenario.id() + "-p" + i).toList();
        String writer = system.writerToken();
        String reader = system.readerToken();
        LoadClient load = new LoadClient(system.gateways().stream().map(Service::url).toList(), () -> writer, partners);
        load.joinPartners();
        FaultContext faults = new FaultContext(system, partners, reader, outage);
        faults.awaitAllViewsQueryable(System.nanoTime());
        faults.recoveries().clear();
        try (Rotation inRotation = new Rotation(system.trackers());
             QueryReaders readers = new QueryReaders(inRotation, () -> reader, partners, 2);
             LiveFeed feed = new LiveFeed(inRotation, () -> reader)) {
            // Given: load flowing, readers reading, a page following the live feed
            load.start(RATE);
            await("load flowing").atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged().size() >= 5 * RATE);

            // When: the fault is done, and mended
            Instant faultStarted = Instant.now();
            log.info("Scenario {}: {}", scenario.id(), scenario.done());
            scenario.inject(faults);
            Instant faultEnded = Instant.now();
            int before = load.acknowledged().size();
            await("load flowing after the fault").atMost(Duration.ofSeconds(120))
                    .until(() -> load.acknowledged().size() >= before + 5 * RATE);
            load.stopAndDrain();
            Instant loadStopped = Instant.now();

            // Then: what was acknowledged against what Kafka and the views hold
            return measure(scenario, partners, load, reader, readers.answers(), feed, faultStarted, faultEnded,
                    loadStopped, faults.recoveries(), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            load.close();
        }
    }

    private ScenarioResult measure(Scenario scenario, List<String> partners, LoadClient load, String reader,
                                   List<QueryAnswer> answers, LiveFeed feed, Instant faultStarted, Instant faultEnded,
                                   Instant loadStopped, List<Duration> recoveries, Duration wallTime) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> ours = Set.copyOf(partners);
        List<Acknowledgement> acknowledged = load.acknowledged();
        String tracker = system.trackers().stream().filter(t -> t.process().isAlive()).findFirst().orElseThrow().url();
        // The views are given time to apply everything the topics hold.
        EventLog log1 = EventLog.read(system.clientSettings());
        List<ViewCheck.Difference> differences;
        try {
            await("views converge on the reference").atMost(CONVERGENCE_PATIENCE).pollInterval(Duration.ofSeconds(2))
                    .until(() -> ViewCheck.differences(tracker, reader, partners, log1.events(), today).isEmpty());
        } catch (ConditionTimeoutException e) {
            log.warn("Scenario {}: the views did not converge within {}", scenario.id(), CONVERGENCE_PATIENCE);
        }
        EventLog events = EventLog.read(system.clientSettings());
        differences = ViewCheck.differences(tracker, reader, partners, events.events(), today);
        differences.forEach(d -> log.warn("Scenario {}: {} applied {} of {}: {}", scenario.id(), d.partner(), d.applied(),
                d.expected(), d.detail()));

        Set<String> inKafka = events.events().stream().filter(e -> ours.contains(Events.partnerIdOf(e)))
                .map(e -> Events.metadataOf(e).getEventId().toString()).collect(Collectors.toSet());
        long lostInKafka = acknowledged.stream().filter(ack -> !inKafka.contains(ack.eventId())).count();
        long extraCopies = events.copiesByEventId().entrySet().stream().filter(entry -> inKafka.contains(entry.getKey()))
                .mapToLong(entry -> entry.getValue() - 1).sum();
        long notApplied = differences.stream().filter(d -> d.applied() >= 0 && d.applied() < d.expected())
                .mapToLong(d -> d.expected() - d.applied()).sum();
        long countedTwice = differences.stream().filter(d -> d.applied() > d.expected())
                .mapToLong(d -> d.applied() - d.expected()).sum();

        List<QueryAnswer> during = answers.stream()
                .filter(a -> !a.at().isBefore(faultStarted) && a.at().isBefore(faultEnded)).toList();
        long served = during.stream().filter(QueryAnswer::served).count();
        long retryLater = during.stream().filter(a -> a.status() == 503 && a.retryAfter()).count();
        long noAnswer = during.stream().filter(a -> a.status() == QueryAnswer.NO_ANSWER).count();
        long failed = during.size() - served - retryLater - noAnswer;
        List<Long> latencies = during.stream().map(QueryAnswer::latencyMillis).sorted(Comparator.naturalOrder()).toList();
        long p99 = latencies.isEmpty() ? 0 : latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);

        // Missed: never told of by now, when every view equals the reference (the page is given a few seconds for the
        // last changes to reach it). Late: told of, but not within the window.
        Instant until = loadStopped.minus(FEED_WINDOW);
        try {
            await("the live feed tells of the last changes").atMost(FEED_SETTLE).pollInterval(Duration.ofMillis(500))
                    .until(() -> feedUntold(acknowledged, feed.notices(), faultStarted, until, null, Instant.now()) == 0);
        } catch (ConditionTimeoutException e) {
            log.warn("Scenario {}: the live feed has not told of every change {} after the views converged",
                    scenario.id(), FEED_SETTLE);
        }
        Instant measuredAt = Instant.now();
        long feedMissed = feedUntold(acknowledged, feed.notices(), faultStarted, loadStopped.minus(FEED_WINDOW), null,
                measuredAt);
        long feedLate = feedUntold(acknowledged, feed.notices(), faultStarted, loadStopped.minus(FEED_WINDOW),
                FEED_WINDOW, measuredAt) - feedMissed;
        return new ScenarioResult(scenario.id(), scenario.done(), acknowledged.size(), load.retries(), load.givenUp(),
                lostInKafka, notApplied, countedTwice, extraCopies, differences.size(), during.size(), served,
                retryLater, failed, noAnswer, p99, List.copyOf(recoveries), feedMissed, feedLate, feed.connections(), wallTime);
    }

    /**
     * Acknowledged commands (of the fault and after it) the page heard nothing of: no change of their partner
     * and no "re-read everything" from a little before the 202 to {@code window} after it, or to {@code end} when
     * the window is {@code null}.
     */
    private static long feedUntold(List<Acknowledgement> acknowledged, List<LiveFeed.Notice> notices, Instant from,
                                   Instant until, Duration window, Instant end) {
        Map<String, List<Instant>> byPartner = notices.stream().filter(n -> !n.everything())
                .filter(n -> n.partnerId() != null)
                .collect(Collectors.groupingBy(LiveFeed.Notice::partnerId,
                        Collectors.mapping(LiveFeed.Notice::at, Collectors.toList())));
        List<Instant> everything = notices.stream().filter(LiveFeed.Notice::everything).map(LiveFeed.Notice::at).toList();
        return acknowledged.stream()
                .filter(ack -> !ack.acknowledgedAt().isBefore(from) && ack.acknowledgedAt().isBefore(until))
                .filter(ack -> {
                    Instant start = ack.acknowledgedAt().minusSeconds(2);
                    Instant last = window == null ? end : ack.acknowledgedAt().plus(window);
                    boolean told = byPartner.getOrDefault(ack.partnerId(), List.of()).stream()
                            .anyMatch(at -> !at.isBefore(start) && at.isBefore(last));
                    boolean reread = everything.stream().anyMatch(at -> !at.isBefore(start) && at.isBefore(last));
                    return !told && !reread;
                }).count();
    }
}
