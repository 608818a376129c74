package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;

/**
 * What is known about one programme (store {@code programme-facts}, key {@code partnerId/programmeId}):
 * every agreement and assessment stated, the earliest achievement of each objective, the events
 * applied, and the objectives already announced overdue on the signals topic. Bounded by the
 * programme's own life, not by the partner's history. An objective may be reported achieved before the
 * agreement arrives: achievements are kept on their own and meet their objectives whenever both are known.
 *
 * @param agreements every agreement stated, oldest stamp first; as of a date, the latest stated by then holds
 * @param achievements earliest achievement per objective id
 * @param assessments every assessment stated, oldest stamp first
 * @param eventIds ids of the distinct events applied, sorted
 * @param announcedOverdue objectives whose becoming overdue was announced, sorted
 */
public record ProgrammeFacts(List<Agreement> agreements, Map<String, Stamp> achievements,
                             List<Assessment> assessments, List<String> eventIds, List<String> announcedOverdue) {

    public static final ProgrammeFacts NONE = new ProgrammeFacts(List.of(), Map.of(), List.of(), List.of(), List.of());

    public ProgrammeFacts {
        agreements = List.copyOf(agreements);
        achievements = Map.copyOf(achievements);
        assessments = List.copyOf(assessments);
        eventIds = List.copyOf(eventIds);
        announcedOverdue = List.copyOf(announcedOverdue);
    }

    /** A programme as agreed: its type, period and objectives. */
    public record Agreement(String type, LocalDate periodStart, LocalDate periodEnd, List<Objective> objectives,
                            Stamp stamp) {
        public Agreement {
            objectives = List.copyOf(objectives);
        }
    }

    /** One agreed objective. */
    public record Objective(String objectiveId, String description, String area, LocalDate targetDate) {
    }

    /** A programme assessment. */
    public record Assessment(String rating, String summary, Stamp stamp) {
    }

    public boolean hasApplied(String eventId) {
        return eventIds.contains(eventId);
    }

    public ProgrammeFacts withAgreement(Agreement agreement) {
        List<Agreement> all = new ArrayList<>(agreements);
        all.add(agreement);
        all.sort(Comparator.comparing(Agreement::stamp));
        return new ProgrammeFacts(all, achievements, assessments, with(agreement.stamp()), announcedOverdue);
    }

    public ProgrammeFacts withAchievement(String objectiveId, Stamp stamp) {
        Map<String, Stamp> all = new TreeMap<>(achievements);
        all.merge(objectiveId, stamp, Stamp::earliest);
        return new ProgrammeFacts(agreements, all, assessments, with(stamp), announcedOverdue);
    }

    public ProgrammeFacts withAssessment(Assessment assessment) {
        List<Assessment> all = new ArrayList<>(assessments);
        all.add(assessment);
        all.sort(Comparator.comparing(Assessment::stamp));
        return new ProgrammeFacts(agreements, achievements, all, with(assessment.stamp()), announcedOverdue);
    }

    public ProgrammeFacts withAnnouncedOverdue(List<String> objectiveIds) {
        TreeSet<String> all = new TreeSet<>(announcedOverdue);
        all.addAll(objectiveIds);
        return new ProgrammeFacts(agreements, achievements, assessments, eventIds, new ArrayList<>(all));
    }

    /** The agreement in force as of a day: the latest stated by its end; {@code null} if none yet. */
    public Agreement agreementAsOf(LocalDate day) {
        return latest(agreements, Agreement::stamp, day);
    }

    /** The latest assessment stated by the end of a day; {@code null} if none. */
    public Assessment assessmentAsOf(LocalDate day) {
        return latest(assessments, Assessment::stamp, day);
    }

    /** When an objective was achieved, if it was by the end of a day. */
    public Stamp achievementAsOf(String objectiveId, LocalDate day) {
        Stamp achieved = achievements.get(objectiveId);
        return achieved != null && achieved.knownBy(day) ? achieved : null;
    }

    private static <T> T latest(List<T> stated, java.util.function.Function<T, Stamp> stampOf, LocalDate day) {
        T current = null;
        for (T fact : stated) {
            if (stampOf.apply(fact).knownBy(day)) {
                current = fact;
            }
        }
        return current;
    }

    private List<String> with(Stamp stamp) {
        TreeSet<String> ids = new TreeSet<>(eventIds);
        ids.add(stamp.eventId());
        return new ArrayList<>(ids);
    }

    private static final StateCodec<Objective> OBJECTIVE_CODEC = new StateCodec<>() {
        @Override
        public void write(Objective objective, StateWriter out) throws IOException {
            out.writeString(objective.objectiveId());
            out.writeNullableString(objective.description());
            out.writeNullableString(objective.area());
            out.writeNullableDate(objective.targetDate());
        }

        @Override
        public Objective read(StateReader in) throws IOException {
            return new Objective(in.readString(), in.readNullableString(), in.readNullableString(),
                    in.readNullableDate());
        }
    };

    private static final StateCodec<Agreement> AGREEMENT_CODEC = new StateCodec<>() {
        @Override
        public void write(Agreement agreement, StateWriter out) throws IOException {
            out.writeString(agreement.type());
            out.writeNullableDate(agreement.periodStart());
            out.writeNullableDate(agreement.periodEnd());
            out.writeList(agreement.objectives(), OBJECTIVE_CODEC);
            Stamp.CODEC.write(agreement.stamp(), out);
        }

        @Override
        public Agreement read(StateReader in) throws IOException {
            return new Agreement(in.readString(), in.readNullableDate(), in.readNullableDate(),
                    in.readList(OBJECTIVE_CODEC), Stamp.CODEC.read(in));
        }
    };

    private static final StateCodec<Assessment> ASSESSMENT_CODEC = new StateCodec<>() {
        @Override
        public void write(Assessment assessment, StateWriter out) throws IOException {
            out.writeString(assessment.rating());
            out.writeNullableString(assessment.summary());
            Stamp.CODEC.write(assessment.stamp(), out);
        }

        @Override
        public Assessment read(StateReader in) throws IOException {
            return new Assessment(in.readString(), in.readNullableString(), Stamp.CODEC.read(in));
        }
    };

    public static final StateCodec<ProgrammeFacts> CODEC = new StateCodec<>() {
        @Override
        public void write(ProgrammeFacts facts, StateWriter out) throws IOException {
            out.writeList(facts.agreements, AGREEMENT_CODEC);
            out.writeInt(facts.achievements.size());
            for (Map.Entry<String, Stamp> achievement : new TreeMap<>(facts.achievements).entrySet()) {
                out.writeString(achievement.getKey());
                Stamp.CODEC.write(achievement.getValue(), out);
            }
            out.writeList(facts.assessments, ASSESSMENT_CODEC);
            out.writeStrings(facts.eventIds);
            out.writeStrings(facts.announcedOverdue);
        }

        @Override
        public ProgrammeFacts read(StateReader in) throws IOException {
            List<Agreement> agreements = in.readList(AGREEMENT_CODEC);
            int achieved = in.readInt();
            Map<String, Stamp> achievements = new TreeMap<>();
            for (int i = 0; i < achieved; i++) {
                achievements.put(in.readString(), Stamp.CODEC.read(in));
            }
            return new ProgrammeFacts(agreements, achievements, in.readList(ASSESSMENT_CODEC), in.readStrings(),
                    in.readStrings());
        }
    };
}
