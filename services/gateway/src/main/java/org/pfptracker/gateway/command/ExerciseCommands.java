package org.pfptracker.gateway.command;

import static org.pfptracker.gateway.command.PartnerCommands.PARTNER_ID;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.pfptracker.core.partner.PartnerId;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.ExerciseCancelled;
import org.pfptracker.event.ExerciseConducted;
import org.pfptracker.event.ExerciseScheduled;
import org.pfptracker.gateway.partner.PartnerDirectory;

/**
 * Commands about an exercise's life: scheduled, then conducted or cancelled. The partner in the path is
 * the host, which is also the events' key.
 */
public final class ExerciseCommands {

    /** The path parameter naming the exercise. */
    public static final String EXERCISE_ID = "exerciseId";

    static final int MAX_NAME_LENGTH = 200;
    /** More partners than PfP ever had; a longer list is a mistake. */
    static final int MAX_PARTICIPANTS = 100;
    private static final String PARTICIPANTS = "participantPartnerIds";

    private final PartnerDirectory directory;

    public ExerciseCommands(PartnerDirectory directory) {
        this.directory = directory;
    }

    public Command schedule() {
        return Command.of("ScheduleExercise", ExerciseScheduled.class, this::scheduled);
    }

    public Command conduct() {
        return Command.of("ConductExercise", ExerciseConducted.class, this::conducted).fromPath(EXERCISE_ID);
    }

    public Command cancel() {
        return Command.of("CancelExercise", ExerciseCancelled.class, ExerciseCommands::cancelled).fromPath(EXERCISE_ID);
    }

    private Supplier<ExerciseScheduled> scheduled(CommandRequest request, CommandBody body) {
        String host = request.pathParam(PARTNER_ID);
        String exerciseId = body.optionalResourceId("exerciseId");
        String name = body.requiredText("name", MAX_NAME_LENGTH);
        AreaOfCooperation area = body.optionalEnum("area", AreaOfCooperation.class, AreaOfCooperation.EXERCISES);
        List<String> participants = knownParticipants(body);
        if (participants != null && !participants.contains(host)) {
            body.reject(PARTICIPANTS, "must include the host partner '" + host + "'");
        }
        LocalDate startsOn = body.requiredDate("startsOn");
        LocalDate endsOn = body.requiredDate("endsOn");
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            body.reject("endsOn", "must not be before startsOn (" + startsOn + "), was " + endsOn);
        }
        return () -> ExerciseScheduled.newBuilder()
                .setMetadata(body.metadata(host))
                .setExerciseId(exerciseId != null ? exerciseId : request.generatedId("exercise"))
                .setName(name)
                .setArea(area)
                .setParticipantPartnerIds(participants)
                .setStartsOn(startsOn)
                .setEndsOn(endsOn)
                .build();
    }

    private Supplier<ExerciseConducted> conducted(CommandRequest request, CommandBody body) {
        List<String> participants = knownParticipants(body);
        return () -> ExerciseConducted.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setExerciseId(request.pathParam(EXERCISE_ID))
                .setParticipantPartnerIds(participants)
                .build();
    }

    private static Supplier<ExerciseCancelled> cancelled(CommandRequest request, CommandBody body) {
        String reason = body.requiredText("reason", PartnerCommands.MAX_REASON_LENGTH);
        return () -> ExerciseCancelled.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setExerciseId(request.pathParam(EXERCISE_ID))
                .setReason(reason)
                .build();
    }

    /** The participants, each a partner the gateway knows; every unknown one is reported by its position. */
    private List<String> knownParticipants(CommandBody body) {
        List<PartnerId> ids = body.requiredPartnerIdList(PARTICIPANTS, MAX_PARTICIPANTS);
        if (ids == null) {
            return null;
        }
        // The event carries the ids as text, as every Avro record does.
        List<String> participants = ids.stream().map(PartnerId::value).toList();
        for (int i = 0; i < participants.size(); i++) {
            if (!directory.isKnown(participants.get(i))) {
                body.reject(PARTICIPANTS + "[" + i + "]", "'" + participants.get(i) + "' is not a known partner");
            }
        }
        return participants;
    }
}
