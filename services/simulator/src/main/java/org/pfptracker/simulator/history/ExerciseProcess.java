package org.pfptracker.simulator.history;

import static org.pfptracker.simulator.history.CooperationModel.EXERCISE_DURATION_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.EXERCISE_DURATION_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.EXERCISE_GUESTS_MAX;
import static org.pfptracker.simulator.history.CooperationModel.EXERCISE_GUESTS_MIN;
import static org.pfptracker.simulator.history.CooperationModel.EXERCISE_LEAD_MAX_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.EXERCISE_LEAD_MIN_DAYS;
import static org.pfptracker.simulator.history.CooperationModel.HOSTING_BONUS;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_EXERCISES_CANCELLED;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_CIVIL_EMERGENCY_EXERCISES;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_GUESTS_DROPPING_OUT;
import static org.pfptracker.simulator.history.CooperationModel.SHARE_MILITARY_EXERCISES;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.simulator.history.Partner.OpenExercise;

/**
 * Multi-partner exercises: one process for the whole partnership, hosted by a partner (more often one
 * with a military or emergency priority) with several others taking part. Scheduled months ahead,
 * mostly conducted, some cancelled; a participant that no longer cooperates by then does not take part.
 */
final class ExerciseProcess {

    private static final Set<AreaOfCooperation> HOSTING_PRIORITIES = EnumSet.of(AreaOfCooperation.EXERCISES,
            AreaOfCooperation.MILITARY_TO_MILITARY_COOPERATION, AreaOfCooperation.CIVIL_EMERGENCY_PLANNING,
            AreaOfCooperation.DISASTER_RESPONSE);

    private final Agenda agenda;
    private final Cast cast;
    private final Volume volume;
    private final Ids ids;
    private final SimRandom random;
    private int scheduled;

    ExerciseProcess(Agenda agenda, Cast cast, Volume volume, Ids ids, long seed) {
        this.agenda = agenda;
        this.cast = cast;
        this.volume = volume;
        this.ids = ids;
        this.random = SimRandom.stream(seed, "exercises");
    }

    void begin(long now) {
        scheduleNext(now);
    }

    /** Cancels the exercises a partner was to host, when its cooperation ends. */
    void endHosted(Partner host, long now, String reason, String causeEventId) {
        for (String exerciseId : host.hostedExercises().keySet()) {
            agenda.emit(ExerciseCancelled.newBuilder()
                    .setMetadata(Stamps.of(random, now, host.id(), causeEventId))
                    .setExerciseId(exerciseId)
                    .setReason(Wording.endOfCooperation(reason))
                    .build());
        }
        host.hostedExercises().clear();
    }

    private void scheduleNext(long now) {
        long at = WorkingTime.plusWorking(now, Volume.workingGap(random, volume.exercisesPerYear()));
        agenda.at(at, time -> {
            schedule(time);
            scheduleNext(time);
        });
    }

    private void schedule(long now) {
        List<Partner> active = cast.active();
        if (active.size() < 1 + EXERCISE_GUESTS_MIN) {
            return;
        }
        Partner host = chooseHost(active);
        List<String> participants = new ArrayList<>();
        participants.add(host.id());
        List<Partner> others = new ArrayList<>(active);
        others.remove(host);
        int guests = random.between(EXERCISE_GUESTS_MIN, Math.min(EXERCISE_GUESTS_MAX, others.size()));
        for (int i = 0; i < guests; i++) {
            participants.add(others.remove(random.nextInt(others.size())).id());
        }

        String exerciseId = ids.exercise(++scheduled);
        LocalDate today = WorkingTime.dateOf(now);
        LocalDate startsOn = today.plusDays(random.between(EXERCISE_LEAD_MIN_DAYS, EXERCISE_LEAD_MAX_DAYS));
        LocalDate endsOn = startsOn.plusDays(random.between(EXERCISE_DURATION_MIN_DAYS, EXERCISE_DURATION_MAX_DAYS));
        agenda.emit(ExerciseScheduled.newBuilder()
                .setMetadata(Stamps.of(random, now, host.id()))
                .setExerciseId(exerciseId)
                .setName(Wording.exerciseName(random, startsOn.getYear()))
                .setArea(chooseArea())
                .setParticipantPartnerIds(List.copyOf(participants))
                .setStartsOn(startsOn)
                .setEndsOn(endsOn)
                .build());
        host.hostedExercises().put(exerciseId, new OpenExercise(List.copyOf(participants)));

        if (random.chance(SHARE_EXERCISES_CANCELLED)) {
            int daysToStart = (int) ChronoUnit.DAYS.between(today, startsOn);
            LocalDate day = today.plusDays(random.between(7, daysToStart - 1));
            agenda.at(WorkingTime.onButAfter(day, random.nextDouble(), now), time -> cancel(host, exerciseId, time));
        } else {
            agenda.at(WorkingTime.onButAfter(endsOn, random.nextDouble(), now), time -> conduct(host, exerciseId, time));
        }
    }

    private Partner chooseHost(List<Partner> active) {
        double[] weights = new double[active.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            Partner partner = active.get(i);
            boolean military = partner.priorities().stream().anyMatch(HOSTING_PRIORITIES::contains);
            weights[i] = partner.weight() * (military ? HOSTING_BONUS : 1.0);
            total += weights[i];
        }
        double ticket = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return active.get(i);
            }
        }
        return active.get(active.size() - 1);
    }

    /** Mostly military exercises; the rest civil emergency planning and disaster response. */
    private AreaOfCooperation chooseArea() {
        double draw = random.nextDouble();
        if (draw < SHARE_MILITARY_EXERCISES) {
            return AreaOfCooperation.EXERCISES;
        }
        return draw < SHARE_MILITARY_EXERCISES + SHARE_CIVIL_EMERGENCY_EXERCISES
                ? AreaOfCooperation.CIVIL_EMERGENCY_PLANNING : AreaOfCooperation.DISASTER_RESPONSE;
    }

    private void conduct(Partner host, String exerciseId, long now) {
        OpenExercise exercise = host.hostedExercises().remove(exerciseId);
        if (exercise == null) {
            return; // cancelled when the host's cooperation ended
        }
        List<String> tookPart = new ArrayList<>();
        for (String participant : exercise.participantIds()) {
            if (participant.equals(host.id())
                    || cast.isActive(participant) && !random.chance(SHARE_GUESTS_DROPPING_OUT)) {
                tookPart.add(participant);
            }
        }
        agenda.emit(ExerciseConducted.newBuilder()
                .setMetadata(Stamps.of(random, now, host.id()))
                .setExerciseId(exerciseId)
                .setParticipantPartnerIds(tookPart)
                .build());
    }

    private void cancel(Partner host, String exerciseId, long now) {
        if (host.hostedExercises().remove(exerciseId) == null) {
            return;
        }
        agenda.emit(ExerciseCancelled.newBuilder()
                .setMetadata(Stamps.of(random, now, host.id()))
                .setExerciseId(exerciseId)
                .setReason(Wording.exerciseCancellation(random))
                .build());
    }
}
