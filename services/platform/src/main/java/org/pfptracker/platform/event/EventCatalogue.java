package org.pfptracker.platform.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.platform.topic.Topics;

/**
 * Which event goes to which topic. Publishers route by it; the tracker reads the same topics.
 *
 * <p>Several event types share a topic (everything about partners on one, activities on another), so
 * their schemas are registered under TopicRecordNameStrategy subjects ({@code <topic>-<record full name>}):
 * each type evolves on its own, and the registry still knows which types a topic carries.
 */
public final class EventCatalogue {

    /**
     * One kind of event: its Avro class, its home topic and how it reaches its {@link EventVisitor}
     * method. Every event is keyed by {@code metadata.partnerId} (for exercises, the host's id).
     */
    public record EventType(Class<? extends SpecificRecord> recordClass, String topic,
                            BiFunction<EventVisitor<Object>, SpecificRecord, Object> handler) {

        static <E extends SpecificRecord> EventType of(Class<E> recordClass, String topic,
                                                       BiFunction<EventVisitor<Object>, E, Object> handler) {
            return new EventType(recordClass, topic, (visitor, event) -> handler.apply(visitor, recordClass.cast(event)));
        }

        /** Calls the visitor's method for this type with the event. */
        @SuppressWarnings("unchecked")
        public <R> R dispatch(EventVisitor<R> visitor, SpecificRecord event) {
            // R is erased: a visitor of R is a visitor of Object whose methods return Rs.
            return (R) handler.apply((EventVisitor<Object>) visitor, event);
        }

        public String fullName() {
            return recordClass.getName();
        }

        /** The registry subject of this event's value schema (TopicRecordNameStrategy). */
        public String subject() {
            return topic + "-" + fullName();
        }
    }

    public static final List<EventType> ALL = List.of(
            EventType.of(PartnerJoined.class, Topics.PARTNERS, EventVisitor::partnerJoined),
            EventType.of(PrioritiesChosen.class, Topics.PARTNERS, EventVisitor::prioritiesChosen),
            EventType.of(PartnerStatusChanged.class, Topics.PARTNERS, EventVisitor::partnerStatusChanged),
            EventType.of(ActivityProposed.class, Topics.ACTIVITIES, EventVisitor::activityProposed),
            EventType.of(ActivityApproved.class, Topics.ACTIVITIES, EventVisitor::activityApproved),
            EventType.of(ActivityCompleted.class, Topics.ACTIVITIES, EventVisitor::activityCompleted),
            EventType.of(ActivityCancelled.class, Topics.ACTIVITIES, EventVisitor::activityCancelled),
            EventType.of(ExerciseScheduled.class, Topics.EXERCISES, EventVisitor::exerciseScheduled),
            EventType.of(ExerciseConducted.class, Topics.EXERCISES, EventVisitor::exerciseConducted),
            EventType.of(ExerciseCancelled.class, Topics.EXERCISES, EventVisitor::exerciseCancelled),
            EventType.of(ProgrammeAgreed.class, Topics.PROGRAMMES, EventVisitor::programmeAgreed),
            EventType.of(ObjectiveAchieved.class, Topics.PROGRAMMES, EventVisitor::objectiveAchieved),
            EventType.of(ProgrammeAssessed.class, Topics.PROGRAMMES, EventVisitor::programmeAssessed));

    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private EventCatalogue() {
    }

    /** The type of an event; fails for a record that is not a pfp-tracker event. */
    public static EventType typeOf(SpecificRecord event) {
        return find(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
                event.getClass().getName() + " is not an event of the pfp-tracker catalogue"));
    }

    /**
     * Hands an event to the visitor's method for its type.
     *
     * @throws IllegalArgumentException for a record that is not a pfp-tracker event
     */
    public static <R> R dispatch(SpecificRecord event, EventVisitor<R> visitor) {
        return typeOf(event).dispatch(visitor, event);
    }

    public static Optional<EventType> find(Class<?> recordClass) {
        return Optional.ofNullable(BY_CLASS.get(recordClass));
    }

    /** Every topic that carries events, in catalogue order. */
    public static List<String> eventTopics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }
}
