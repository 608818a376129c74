package org.pfptracker.gateway.command;

import static org.pfptracker.gateway.command.PartnerCommands.PARTNER_ID;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.AssessmentRating;
import org.pfptracker.event.Objective;
import org.pfptracker.event.ObjectiveAchieved;
import org.pfptracker.event.ProgrammeAgreed;
import org.pfptracker.event.ProgrammeAssessed;
import org.pfptracker.event.ProgrammeType;

/** Commands about a programme's life: agreed with its objectives, objectives achieved, assessed. */
public final class ProgrammeCommands {

    /** The path parameter naming the programme. */
    public static final String PROGRAMME_ID = "programmeId";
    /** The path parameter naming an objective within its programme. */
    public static final String OBJECTIVE_ID = "objectiveId";

    static final int MAX_OBJECTIVES = 200;
    static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_SUMMARY_LENGTH = 5000;
    /** The fields of one objective in a programme's body: those of the Objective schema. */
    private static final Set<String> OBJECTIVE_FIELDS = Set.copyOf(EventFields.of(Objective.class));

    /** The fields of one objective of a programme, for documentation checks. */
    public static Set<String> objectiveFields() {
        return OBJECTIVE_FIELDS;
    }

    public Command agree() {
        return Command.of("AgreeProgramme", ProgrammeAgreed.class, ProgrammeCommands::agreed);
    }

    public Command achieveObjective() {
        return Command.of("AchieveObjective", ObjectiveAchieved.class, ProgrammeCommands::achieved)
                .fromPath(PROGRAMME_ID, OBJECTIVE_ID);
    }

    public Command assess() {
        return Command.of("AssessProgramme", ProgrammeAssessed.class, ProgrammeCommands::assessed)
                .fromPath(PROGRAMME_ID);
    }

    private static Supplier<ProgrammeAgreed> agreed(CommandRequest request, CommandBody body) {
        String programmeId = body.optionalResourceId("programmeId");
        ProgrammeType type = body.requiredEnum("programmeType", ProgrammeType.class);
        LocalDate start = body.requiredDate("periodStart");
        LocalDate end = body.requiredDate("periodEnd");
        boolean periodValid = start != null && end != null && !end.isBefore(start);
        if (start != null && end != null && !periodValid) {
            body.reject("periodEnd", "must not be before periodStart (" + start + "), was " + end);
        }
        List<CommandBody> objectiveBodies = body.requiredObjects("objectives", MAX_OBJECTIVES, OBJECTIVE_FIELDS);
        List<Supplier<Objective>> objectives = new ArrayList<>();
        Set<String> objectiveIds = new HashSet<>();
        if (objectiveBodies != null) {
            for (CommandBody objective : objectiveBodies) {
                String objectiveId = objective.requiredResourceId("objectiveId");
                if (objectiveId != null && !objectiveIds.add(objectiveId)) {
                    objective.reject("objectiveId", "repeats '" + objectiveId + "'; objective ids are unique within a programme");
                }
                String description = objective.requiredText("description", MAX_DESCRIPTION_LENGTH);
                AreaOfCooperation area = objective.requiredEnum("area", AreaOfCooperation.class);
                LocalDate targetDate = objective.requiredDate("targetDate");
                if (targetDate != null && periodValid && (targetDate.isBefore(start) || targetDate.isAfter(end))) {
                    objective.reject("targetDate", "must be within the programme's period " + start + " to " + end
                            + ", was " + targetDate);
                }
                objectives.add(objective.withSchemaFields(Objective.getClassSchema(), () -> Objective.newBuilder()
                        .setObjectiveId(objectiveId)
                        .setDescription(description)
                        .setArea(area)
                        .setTargetDate(targetDate)
                        .build()));
            }
        }
        return () -> ProgrammeAgreed.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setProgrammeId(programmeId != null ? programmeId : request.generatedId("programme"))
                .setProgrammeType(type)
                .setPeriodStart(start)
                .setPeriodEnd(end)
                .setObjectives(objectives.stream().map(Supplier::get).toList())
                .build();
    }

    private static Supplier<ObjectiveAchieved> achieved(CommandRequest request, CommandBody body) {
        return () -> ObjectiveAchieved.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setProgrammeId(request.pathParam(PROGRAMME_ID))
                .setObjectiveId(request.pathParam(OBJECTIVE_ID))
                .build();
    }

    private static Supplier<ProgrammeAssessed> assessed(CommandRequest request, CommandBody body) {
        AssessmentRating rating = body.requiredEnum("rating", AssessmentRating.class);
        String summary = body.requiredText("summary", MAX_SUMMARY_LENGTH);
        return () -> ProgrammeAssessed.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setProgrammeId(request.pathParam(PROGRAMME_ID))
                .setRating(rating)
                .setSummary(summary)
                .build();
    }
}
