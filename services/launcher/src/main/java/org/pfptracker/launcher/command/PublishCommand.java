package org.pfptracker.launcher.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.event.ActivityProposed;
import org.pfptracker.event.AreaOfCooperation;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.event.Framework;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.launcher.UserFacingException;
import org.pfptracker.publisher.EventPublisher;
import org.pfptracker.publisher.PublishReceipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Publishes one event from the command line, through the same publisher upstream systems use. */
@Command(name = "publish", description = "Publish one event (to try the system by hand).",
        subcommands = {PublishCommand.PartnerJoinedCommand.class, PublishCommand.ActivityProposedCommand.class})
public final class PublishCommand {

    /** Options of every event: who, when, from where. */
    static final class EventOptions {
        @Option(names = "--partner", required = true, paramLabel = "ID",
                description = "Partner id, e.g. ukraine or republic-of-moldova.")
        String partnerId;

        @Option(names = "--occurred-at", paramLabel = "INSTANT",
                description = "Event time, ISO-8601 (default: now), e.g. 2024-03-07T10:00:00Z.")
        Instant occurredAt;

        @Option(names = "--source", defaultValue = "pfp-cli", description = "Upstream system name (default: ${DEFAULT-VALUE}).")
        String source;

        @Option(names = "--event-id", paramLabel = "UUID",
                description = "Event id (default: a new random UUID); reuse one to see a duplicate counted once.")
        UUID eventId;

        EventMetadata metadata() {
            return EventMetadata.newBuilder()
                    .setEventId(eventId == null ? UUID.randomUUID() : eventId)
                    .setOccurredAt(occurredAt == null ? Instant.now() : occurredAt)
                    .setSource(source)
                    .setPartnerId(partnerId)
                    .setCorrelationId(null)
                    .build();
        }
    }

    @Command(name = "partner-joined", mixinStandardHelpOptions = true, description = "A partner joined the partnership.")
    static final class PartnerJoinedCommand implements Callable<Integer> {
        @Mixin SettingsOptions settings;
        @Mixin EventOptions event;

        @Option(names = "--name", required = true, description = "Partner name.")
        String name;

        @Option(names = "--framework", defaultValue = "EURO_ATLANTIC_PARTNERSHIP",
                description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Framework framework;

        @Option(names = "--joined-on", required = true, paramLabel = "DATE", description = "Date the framework document was signed, YYYY-MM-DD.")
        LocalDate joinedOn;

        @Override
        public Integer call() {
            return publish(settings, PartnerJoined.newBuilder().setMetadata(event.metadata()).setName(name)
                    .setFramework(framework).setJoinedOn(joinedOn).build());
        }
    }

    @Command(name = "activity-proposed", mixinStandardHelpOptions = true, description = "A partner proposed an activity.")
    static final class ActivityProposedCommand implements Callable<Integer> {
        @Mixin SettingsOptions settings;
        @Mixin EventOptions event;

        @Option(names = "--activity", paramLabel = "ID", description = "Activity id (default: a new one).")
        String activityId;

        @Option(names = "--title", required = true, description = "Activity title.")
        String title;

        @Option(names = "--area", required = true, description = "One of ${COMPLETION-CANDIDATES}.")
        AreaOfCooperation area;

        @Option(names = "--planned-start", paramLabel = "DATE", description = "Planned start date, YYYY-MM-DD.")
        LocalDate plannedStart;

        @Override
        public Integer call() {
            return publish(settings, ActivityProposed.newBuilder().setMetadata(event.metadata())
                    .setActivityId(activityId == null ? "act-" + UUID.randomUUID() : activityId)
                    .setTitle(title).setArea(area).setPlannedStart(plannedStart).build());
        }
    }

    static int publish(SettingsOptions options, SpecificRecord event) {
        try (EventPublisher publisher = EventPublisher.create(options.load())) {
            PublishReceipt receipt = publisher.publish(event).get(60, TimeUnit.SECONDS);
            System.out.printf("Published %s %s to %s partition %d offset %d%n", event.getSchema().getName(),
                    receipt.eventId(), receipt.topic(), receipt.partition(), receipt.offset());
            return 0;
        } catch (ExecutionException e) {
            throw new UserFacingException("not published: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new UserFacingException("not published: Kafka did not acknowledge within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("interrupted", e);
        }
    }
}
