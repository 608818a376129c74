package org.pfptracker.platform.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** One kind of event and its home topic. */
    public record EventType(Class<? extends SpecificRecord> recordClass, String topic) {

        public String fullName() {
            return recordClass.getName();
        }

        /** The registry subject of this event's value schema (TopicRecordNameStrategy). */
        public String subject() {
            return topic + "-" + fullName();
        }
    }

    public static final List<EventType> ALL = List.of(
            new EventType(PartnerJoined.class, Topics.PARTNERS),
            new EventType(PrioritiesChosen.class, Topics.PARTNERS),
            new EventType(PartnerStatusChanged.class, Topics.PARTNERS),
            new EventType(ActivityProposed.class, Topics.ACTIVITIES),
            new EventType(ActivityApproved.class, Topics.ACTIVITIES),
            new EventType(ActivityCompleted.class, Topics.ACTIVITIES),
            new EventType(ActivityCancelled.class, Topics.ACTIVITIES),
            new EventType(ExerciseScheduled.class, Topics.EXERCISES),
            new EventType(ExerciseConducted.class, Topics.EXERCISES),
            new EventType(ExerciseCancelled.class, Topics.EXERCISES),
            new EventType(ProgrammeAgreed.class, Topics.PROGRAMMES),
            new EventType(ObjectiveAchieved.class, Topics.PROGRAMMES),
            new EventType(ProgrammeAssessed.class, Topics.PROGRAMMES));

    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private EventCatalogue() {
    }

    /** The type of an event; fails for a record that is not a pfp-tracker event. */
    public static EventType typeOf(SpecificRecord event) {
        return find(event.getClass()).orElseThrow(() -> new IllegalArgumentException(
                event.getClass().getName() + " is not an event of the pfp-tracker catalogue"));
    }

    public static Optional<EventType> find(Class<?> recordClass) {
        return Optional.ofNullable(BY_CLASS.get(recordClass));
    }

    /** Every topic that carries events, in catalogue order. */
    public static List<String> eventTopics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }
}
