package org.pfptracker.tracker.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known about one exercise, in the {@code exercise-facts} store keyed by exercise id.
 *
 * @param exerciseId the exercise
 * @param hostPartnerId the host, known from any of its events (they are keyed by host)
 * @param schedule the latest schedule (by event time); {@code null} until it arrives
 * @param conduct the earliest report that it took place; {@code null} if none
 * @param cancelledAt the earliest cancellation time; {@code null} if none
 * @param eventIds ids of the distinct events applied; each participant's view counts them
 * @param lastEventAt newest event time among them
 * @param notifiedPartners every partner that was ever told about this exercise, so a partner dropped
 *     from the participants is told to forget it
 */
public record ExerciseFacts(String exerciseId, String hostPartnerId, Schedule schedule, Conduct conduct,
                            Instant cancelledAt, Set<String> eventIds, Instant lastEventAt,
                            Set<String> notifiedPartners) {

    public ExerciseFacts {
        eventIds = Set.copyOf(eventIds);
        notifiedPartners = Set.copyOf(notifiedPartners);
    }

    public static ExerciseFacts none(String exerciseId, String hostPartnerId) {
        return new ExerciseFacts(exerciseId, hostPartnerId, null, null, null, Set.of(), null, Set.of());
    }

    /** A schedule: name, area, participants (host included), dates. */
    public record Schedule(String name, String area, List<String> participantPartnerIds, LocalDate startsOn,
                           LocalDate endsOn, Stamp stamp) {
        public Schedule {
            participantPartnerIds = List.copyOf(new TreeSet<>(participantPartnerIds));
        }
    }

    /** A report that the exercise took place, with who actually took part. */
    public record Conduct(List<String> participantPartnerIds, Stamp stamp) {
        public Conduct {
            participantPartnerIds = List.copyOf(new TreeSet<>(participantPartnerIds));
        }
    }

    public boolean hasApplied(String eventId) {
        return eventIds.contains(eventId);
    }

    public ExerciseFacts withSchedule(Schedule candidate) {
        Schedule chosen = schedule == null || Stamp.supersedes(candidate.stamp(), schedule.stamp()) ? candidate : schedule;
        return copy(chosen, conduct, cancelledAt, candidate.stamp());
    }

    public ExerciseFacts withConduct(Conduct candidate) {
        Conduct chosen = conduct == null || candidate.stamp().compareTo(conduct.stamp()) < 0 ? candidate : conduct;
        return copy(schedule, chosen, cancelledAt, candidate.stamp());
    }

    public ExerciseFacts withCancellation(Stamp stamp) {
        Instant chosen = cancelledAt == null || stamp.at().isBefore(cancelledAt) ? stamp.at() : cancelledAt;
        return copy(schedule, conduct, chosen, stamp);
    }

    public ExerciseFacts withNotified(Set<String> partners) {
        Set<String> all = new TreeSet<>(notifiedPartners);
        all.addAll(partners);
        return new ExerciseFacts(exerciseId, hostPartnerId, schedule, conduct, cancelledAt, eventIds, lastEventAt, all);
    }

    /** CONDUCTED once reported conducted (it happened), else CANCELLED, else SCHEDULED; PENDING before the schedule. */
    public String state() {
        if (conduct != null) {
            return "CONDUCTED";
        }
        if (cancelledAt != null) {
            return "CANCELLED";
        }
        return schedule != null ? "SCHEDULED" : "PENDING";
    }

    /** Who takes part: those reported in the conduct, else those scheduled; the host always. */
    public Set<String> participants() {
        Set<String> participants = new TreeSet<>();
        if (conduct != null) {
            participants.addAll(conduct.participantPartnerIds());
        } else if (schedule != null) {
            participants.addAll(schedule.participantPartnerIds());
        }
        participants.add(hostPartnerId);
        return participants;
    }

    /** What one partner's view holds of this exercise; {@code null} if the partner does not take part. */
    public ExerciseParticipation participationOf(String partnerId) {
        if (!participants().contains(partnerId)) {
            return null;
        }
        return new ExerciseParticipation(exerciseId, schedule == null ? null : schedule.name(),
                schedule == null ? null : schedule.area(), state(),
                partnerId.equals(hostPartnerId) ? "HOST" : "PARTICIPANT", hostPartnerId, List.copyOf(participants()),
                schedule == null ? null : schedule.startsOn(), schedule == null ? null : schedule.endsOn(),
                eventIds.size(), lastEventAt);
    }

    private ExerciseFacts copy(Schedule newSchedule, Conduct newConduct, Instant newCancelledAt, Stamp applied) {
        Set<String> ids = new TreeSet<>(eventIds);
        ids.add(applied.eventId());
        Instant last = lastEventAt == null || applied.at().isAfter(lastEventAt) ? applied.at() : lastEventAt;
        return new ExerciseFacts(exerciseId, hostPartnerId, newSchedule, newConduct, newCancelledAt, ids, last,
                notifiedPartners);
    }
}
