package org.pfptracker.simulator.history;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.reference.ReferencePartner;
import org.pfptracker.platform.reference.ReferencePartners;
import org.pfptracker.platform.reference.ReferenceStatusChange;
import org.pfptracker.simulator.SimulationPlan;

/**
 * A realistic history of Partnership for Peace cooperation, generated lazily in event-time order.
 *
 * <p>Pure: the events are a function of the plan's seed, start and scale, and of the reference data.
 * There is no wall clock inside and no {@code UUID.randomUUID()}: event ids, activity ids, every
 * choice come from seeded streams, so the same plan gives exactly the same events, ids included.
 * The plan's end only says where to stop: a longer period extends a shorter one event for event.
 *
 * <p>Events are produced one step at a time from a queue of what is due next (see {@code Agenda}), so
 * a history of tens of millions of events never sits in memory: what does is the cooperation under way
 * at one moment, which grows with the scale, not with the length of the period.
 *
 * <p>What it tells, in order of event time:
 * <ul>
 *   <li>the 22 reference partners join on their framework-document dates and change status on their
 *       real dates (Russia suspended in 2014, four partners becoming Allies, Malta withdrawing in 1996
 *       and coming back in 2008), even when these dates fall before the period;</li>
 *   <li>from the period start, each cooperating partner chooses 2-4 ranked priority areas and a pace
 *       (completed activities a year), revised every eighteen months to three years;</li>
 *   <li>activities of the Partnership Cooperation Menu, about 1,400 proposed a year across partners at
 *       scale 1, skewed to each partner's priorities, approved after days or weeks, completed with a
 *       feedback report weeks to months later, or cancelled (about 12%);</li>
 *   <li>multi-partner exercises, keyed by their host, mostly conducted, some cancelled;</li>
 *   <li>programmes: IPCP/IPAP for two years (ITPP for four from 2021), PARP goals agreed in even years
 *       and assessed in odd years, with objectives due within the period, most achieved;</li>
 *   <li>a partner that is suspended, withdraws or becomes an Ally stops cooperating that day: its open
 *       activities and hosted exercises are cancelled, and nothing more happens for it.</li>
 * </ul>
 * Not thread-safe; one consumer reads it.
 */
public final class HistoryGenerator {

    private final SimulationPlan plan;
    private final Agenda agenda = new Agenda();

    /** The history of the 22 reference partners of 2014. */
    public HistoryGenerator(SimulationPlan plan) {
        this(plan, ReferencePartners.of2014(), ReferencePartners.statusChanges());
    }

    /** The history of the given partners and status changes (each change about one of them, after its join). */
    HistoryGenerator(SimulationPlan plan, List<ReferencePartner> partners, List<ReferenceStatusChange> changes) {
        this.plan = plan;
        long seed = plan.seed();
        long periodStart = plan.from().toEpochMilli();
        Cast cast = new Cast(partners, seed);
        Volume volume = new Volume(cast, plan.scale());
        Ids ids = new Ids(seed);
        ActivityProcess activities = new ActivityProcess(agenda, volume, ids);
        ExerciseProcess exercises = new ExerciseProcess(agenda, cast, volume, ids, seed);
        MembershipProcess membership = new MembershipProcess(agenda, cast, periodStart, seed,
                new PaceProcess(agenda, volume), activities, new ProgrammeProcess(agenda, ids), exercises);
        membership.scheduleReferenceHistory(changes);
        exercises.begin(periodStart);
    }

    public SimulationPlan plan() {
        return plan;
    }

    /** Whether another event occurs before {@code limit} (exclusive); generates as far as needed to know. */
    public boolean hasNextBefore(Instant limit) {
        return agenda.peekBefore(limit.toEpochMilli()) != null;
    }

    /** Whether the history has another event at all; false only if every partner has stopped cooperating. */
    public boolean hasNext() {
        return agenda.peekBefore(Long.MAX_VALUE) != null;
    }

    /**
     * The next event, at any time: past the plan's end the history goes on, which is what live mode
     * publishes.
     *
     * @throws NoSuchElementException when {@link #hasNext()} is false
     */
    public SpecificRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the history has no more events");
        }
        return agenda.poll().event();
    }

    /** The events before {@code limit}, lazily, from wherever this generator stands. */
    public Iterator<SpecificRecord> until(Instant limit) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return hasNextBefore(limit);
            }

            @Override
            public SpecificRecord next() {
                if (!hasNextBefore(limit)) {
                    throw new NoSuchElementException("no more events before " + limit);
                }
                return agenda.poll().event();
            }
        };
    }

    /** The plan's history, the events before its end, as a lazy sequential stream. */
    public Stream<SpecificRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(until(plan.to()),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Steps waiting to happen: open activities, exercises and programme milestones, and each partner's
     * recurring processes. It follows how much is under way, and is what the history keeps in memory.
     */
    public int pendingSteps() {
        return agenda.pending();
    }
}
