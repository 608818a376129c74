package org.pfptracker.gateway.command;

import static org.pfptracker.gateway.command.PartnerCommands.PARTNER_ID;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.pfptracker.event.ActivityApproved;
import org.pfptracker.event.ActivityCancelled;
import org.pfptracker.event.ActivityCompleted;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;

/** Commands about an activity's life: proposed, approved, then completed or cancelled. */
public final class ActivityCommands {

    /** The path parameter naming the activity. */
    public static final String ACTIVITY_ID = "activityId";

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_REPORT_LENGTH = 5000;

    public Command propose() {
        return Command.of("ProposeActivity", ActivityProposed.class, ActivityCommands::proposed);
    }

    public Command approve() {
        return Command.of("ApproveActivity", ActivityApproved.class, ActivityCommands::approved).fromPath(ACTIVITY_ID);
    }

    public Command complete() {
        return Command.of("CompleteActivity", ActivityCompleted.class, ActivityCommands::completed)
                .fromPath(ACTIVITY_ID);
    }

    public Command cancel() {
        return Command.of("CancelActivity", ActivityCancelled.class, ActivityCommands::cancelled).fromPath(ACTIVITY_ID);
    }

    private static Supplier<ActivityProposed> proposed(CommandRequest request, CommandBody body) {
        String activityId = body.optionalResourceId("activityId");
        String title = body.requiredText("title", MAX_TITLE_LENGTH);
        AreaOfCooperation area = body.requiredEnum("area", AreaOfCooperation.class);
        LocalDate plannedStart = body.optionalDate("plannedStart");
        return () -> ActivityProposed.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setActivityId(activityId != null ? activityId : request.generatedId("activity"))
                .setTitle(title)
                .setArea(area)
                .setPlannedStart(plannedStart)
                .build();
    }

    private static Supplier<ActivityApproved> approved(CommandRequest request, CommandBody body) {
        return () -> ActivityApproved.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setActivityId(request.pathParam(ACTIVITY_ID))
                .build();
    }

    private static Supplier<ActivityCompleted> completed(CommandRequest request, CommandBody body) {
        String report = body.requiredText("feedbackReport", MAX_REPORT_LENGTH);
        return () -> ActivityCompleted.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setActivityId(request.pathParam(ACTIVITY_ID))
                .setFeedbackReport(report)
                .build();
    }

    private static Supplier<ActivityCancelled> cancelled(CommandRequest request, CommandBody body) {
        String reason = body.requiredText("reason", PartnerCommands.MAX_REASON_LENGTH);
        return () -> ActivityCancelled.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setActivityId(request.pathParam(ACTIVITY_ID))
                .setReason(reason)
                .build();
    }
}
