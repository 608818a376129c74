package org.pfptracker.platform.topic;

import java.time.Duration;
import java.util.List;
import org.pfptracker.core.config.Settings;
import org.pfptracker.platform.config.KafkaSettings;
import org.pfptracker.platform.topic.TopicSpec.CleanupPolicy;

/**
 * The topic catalogue: every topic pfp-tracker owns, named once here and referenced everywhere else.
 *
 * <p>Events are grouped by what they are about, one topic per aggregate (partners, activities...),
 * all keyed by partner id, so one partner's events keep their order within each topic and the tracker
 * can join them without repartitioning. Names carry a version: an incompatible re-design gets a new
 * topic rather than rewriting history.
 */
public final class Topics {

    /** Partner life: joined, priorities and pace chosen, status changed. */
    public static final String PARTNERS = "pfp.partners.v1";
    /** Activity life: proposed, approved, completed, cancelled. */
    public static final String ACTIVITIES = "pfp.activities.v1";
    /** Exercise life: scheduled, conducted, cancelled. Key: the host partner's id. */
    public static final String EXERCISES = "pfp.exercises.v1";
    /** Programme life: agreed with objectives, objective achieved, assessed. */
    public static final String PROGRAMMES = "pfp.programmes.v1";
    /**
     * Every partner's current view, written by the tracker whenever it changes (Avro {@code PartnerView},
     * key: partner id). Compacted: a consumer reads it from the beginning as a table of the latest views.
     */
    public static final String PARTNER_VIEWS = "pfp.partner-views.v1";
    /** What the tracker derives from the views: pace phase changes, objectives becoming overdue. Key: partner id. */
    public static final String PARTNER_SIGNALS = "pfp.partner-signals.v1";
    /** Records the tracker could not read or apply, with the reason in headers. */
    public static final String TRACKER_DEAD_LETTERS = "pfp.tracker.dead-letters.v1";

    /** Event topics keep history forever: views can be rebuilt from the beginning at any time. */
    private static final Duration FOREVER = null;
    /** Dead letters are for an operator to inspect and replay, not an archive. */
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    private Topics() {
    }

    /** Every topic, sized for the cluster described by the settings. */
    public static List<TopicSpec> catalogue(Settings settings) {
        int partitions = settings.get(KafkaSettings.TOPIC_PARTITIONS);
        short replication = settings.get(KafkaSettings.TOPIC_REPLICATION_FACTOR).shortValue();
        // With three copies, two must acknowledge: one broker may be lost without losing a write.
        int minInSync = replication >= 3 ? 2 : 1;
        return List.of(
                new TopicSpec(PARTNERS, partitions, replication, minInSync, CleanupPolicy.DELETE, FOREVER,
                        "Partner events: joined, priorities chosen, status changed. Key: partner id."),
                new TopicSpec(ACTIVITIES, partitions, replication, minInSync, CleanupPolicy.DELETE, FOREVER,
                        "Activity events: proposed, approved, completed, cancelled. Key: partner id."),
                new TopicSpec(EXERCISES, partitions, replication, minInSync, CleanupPolicy.DELETE, FOREVER,
                        "Exercise events: scheduled, conducted, cancelled. Key: host partner id."),
                new TopicSpec(PROGRAMMES, partitions, replication, minInSync, CleanupPolicy.DELETE, FOREVER,
                        "Programme events: agreed (with objectives), objective achieved, assessed. Key: partner id."),
                new TopicSpec(PARTNER_VIEWS, partitions, replication, minInSync, CleanupPolicy.COMPACT, FOREVER,
                        "Each partner's current view (PartnerView), as a table: compacted, latest per partner id."),
                new TopicSpec(PARTNER_SIGNALS, partitions, replication, minInSync, CleanupPolicy.DELETE, FOREVER,
                        "Signals derived from the views: PacePhaseChanged, ObjectiveBecameOverdue. Key: partner id."),
                new TopicSpec(TRACKER_DEAD_LETTERS, 1, replication, minInSync, CleanupPolicy.DELETE,
                        DEAD_LETTER_RETENTION,
                        "Records the tracker could not apply, as they arrived, with the reason in headers."));
    }
}
