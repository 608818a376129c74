package org.pfptracker.gateway.http;

import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import java.util.List;
import org.pfptracker.gateway.command.ActivityCommands;
import org.pfptracker.gateway.command.ExerciseCommands;
import org.pfptracker.gateway.command.PartnerCommands;
import org.pfptracker.gateway.command.ProgrammeCommands;
import org.pfptracker.gateway.partner.PartnerDirectory;

/**
 * Every command route of the gateway, in one table: resources under the partner they are about, the
 * action on a resource as a sub-resource ({@code .../approval}) so that each command is one POST that
 * creates one event. Priorities are a PUT: a new choice replaces the last.
 */
public final class CommandRoutes {

    public static final String PARTNERS = "/api/v1/partners";
    private static final String PARTNER = PARTNERS + "/{partnerId}";
    private static final String ACTIVITY = PARTNER + "/activities/{activityId}";
    private static final String EXERCISE = PARTNER + "/exercises/{exerciseId}";
    private static final String PROGRAMME = PARTNER + "/programmes/{programmeId}";

    private CommandRoutes() {
    }

    /** The routes, with commands that check partners against the directory. */
    public static List<CommandRoute> all(PartnerDirectory directory) {
        PartnerCommands partners = new PartnerCommands(directory);
        ActivityCommands activities = new ActivityCommands();
        ExerciseCommands exercises = new ExerciseCommands(directory);
        ProgrammeCommands programmes = new ProgrammeCommands();
        return List.of(
                new CommandRoute(POST, PARTNERS, partners.join()),
                new CommandRoute(PUT, PARTNER + "/priorities", partners.choosePriorities()),
                new CommandRoute(POST, PARTNER + "/status-changes", partners.changeStatus()),
                new CommandRoute(POST, PARTNER + "/activities", activities.propose()),
                new CommandRoute(POST, ACTIVITY + "/approval", activities.approve()),
                new CommandRoute(POST, ACTIVITY + "/completion", activities.complete()),
                new CommandRoute(POST, ACTIVITY + "/cancellation", activities.cancel()),
                new CommandRoute(POST, PARTNER + "/exercises", exercises.schedule()),
                new CommandRoute(POST, EXERCISE + "/conduct", exercises.conduct()),
                new CommandRoute(POST, EXERCISE + "/cancellation", exercises.cancel()),
                new CommandRoute(POST, PARTNER + "/programmes", programmes.agree()),
                new CommandRoute(POST, PROGRAMME + "/objectives/{objectiveId}/achievement", programmes.achieveObjective()),
                new CommandRoute(POST, PROGRAMME + "/assessments", programmes.assess()));
    }
}
