package org.pfptracker.gateway.command;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.pfptracker.core.partner.PartnerId;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.event.PartnerStatus;
import org.pfptracker.event.PartnerStatusChanged;
import org.pfptracker.event.PrioritiesChosen;
import org.pfptracker.gateway.partner.KnownPartner;
import org.pfptracker.gateway.partner.PartnerDirectory;

/** Commands about a partner's life: it joins, chooses its priorities and pace, changes status. */
public final class PartnerCommands {

    /** The path parameter naming the partner every command but the join is about. */
    public static final String PARTNER_ID = "partnerId";

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 1000;
    /** Generous for any partner; a higher figure is a typo, not an ambition. */
    static final int MAX_ACTIVITIES_PER_YEAR = 1000;

    private final PartnerDirectory directory;

    public PartnerCommands(PartnerDirectory directory) {
        this.directory = directory;
    }

    /** A country joins the partnership: POST /api/v1/partners. */
    public Command join() {
        // The joining partner's id is in the body (there is no partner in the path yet); it goes to the metadata.
        return Command.of("JoinPartner", PartnerJoined.class, this::joined).alsoAccepting(PARTNER_ID);
    }

    /** A partner chooses (or revises) its priorities and pace. */
    public Command choosePriorities() {
        return Command.of("ChoosePriorities", PrioritiesChosen.class, PartnerCommands::prioritiesChosen);
    }

    /** A partner's status changes (suspended, resumed, became an ally, withdrew). */
    public Command changeStatus() {
        return Command.of("ChangeStatus", PartnerStatusChanged.class, PartnerCommands::statusChanged);
    }

    private Supplier<PartnerJoined> joined(CommandRequest request, CommandBody body) {
        PartnerId given = body.requiredPartnerId(PARTNER_ID);
        String partnerId = given == null ? null : given.value();
        String name = body.requiredText("name", MAX_NAME_LENGTH);
        Framework framework = body.requiredEnum("framework", Framework.class);
        LocalDate joinedOn = body.requiredDate("joinedOn");
        return () -> {
            // Checked only once the command is otherwise valid: a conflict is not worth reporting beside typos.
            directory.find(partnerId)
                    .filter(known -> !known.joinEventId().equals(request.eventId()))
                    .map(KnownPartner::name)
                    .ifPresent(knownName -> {
                        throw new PartnerConflictException(partnerId, knownName);
                    });
            return PartnerJoined.newBuilder()
                    .setMetadata(body.metadata(partnerId))
                    .setName(name)
                    .setFramework(framework)
                    .setJoinedOn(joinedOn)
                    .build();
        };
    }

    private static Supplier<PrioritiesChosen> prioritiesChosen(CommandRequest request, CommandBody body) {
        List<AreaOfCooperation> priorities = body.requiredEnumList("priorities", AreaOfCooperation.class,
                AreaOfCooperation.values().length);
        Integer pace = body.requiredInt("targetCompletedActivitiesPerYear", 1, MAX_ACTIVITIES_PER_YEAR);
        return () -> PrioritiesChosen.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setPriorities(priorities)
                .setTargetCompletedActivitiesPerYear(pace)
                .build();
    }

    private static Supplier<PartnerStatusChanged> statusChanged(CommandRequest request, CommandBody body) {
        PartnerStatus status = body.requiredEnum("status", PartnerStatus.class);
        LocalDate effectiveOn = body.requiredDate("effectiveOn");
        String reason = body.optionalText("reason", MAX_REASON_LENGTH);
        return () -> PartnerStatusChanged.newBuilder()
                .setMetadata(body.metadata(request.pathParam(PARTNER_ID)))
                .setStatus(status)
                .setEffectiveOn(effectiveOn)
                .setReason(reason)
                .build();
    }
}
