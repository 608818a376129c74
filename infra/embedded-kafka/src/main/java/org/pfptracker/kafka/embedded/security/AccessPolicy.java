package org.pfptracker.kafka.embedded.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;

/**
 * Who may do what on pfp-tracker's Kafka: the names the {@link KafkaPrincipal principals}' grants
 * refer to. {@link #aclBindings()} is the whole policy as Kafka ACLs, what
 * {@link AclReconciler#apply} puts on a cluster, and what {@code docs/kafka-security.md} lists as
 * {@code kafka-acls} commands.
 *
 * <pre>{@code
 * AccessPolicy policy = AccessPolicy.standard().withTrackerApplicationId("pfp-tracker-v3");
 * }</pre>
 *
 * @param eventTopics          the topics events are published to; the gateway and publishers write
 *                             them, the tracker reads them
 * @param partnersTopic        the event topic the gateway reads whole to know the partners
 * @param trackerOutputTopics  what the tracker derives and others read (views, signals)
 * @param viewsTopic           the output topic the tracker reads back for its change feed
 * @param deadLetterTopics     where the tracker puts records it could not apply
 * @param schemasTopic         the schema registry's log
 * @param trackerApplicationId the tracker's Kafka Streams application id: its group, and the prefix
 *                             of its internal topics and transactional ids
 * @param registryGroupPrefix  prefix of the consumer groups a registry may read in (ours reads
 *                             without a group; a replacement registry may use one)
 * @param readerGroupPrefix    prefix of the consumer groups a reader may read in
 */
public record AccessPolicy(
        List<String> eventTopics,
        String partnersTopic,
        List<String> trackerOutputTopics,
        String viewsTopic,
        List<String> deadLetterTopics,
        String schemasTopic,
        String trackerApplicationId,
        String registryGroupPrefix,
        String readerGroupPrefix) {

    // The topic names of services/platform's Topics catalogue, which infra cannot depend on (the
    // platform's tests depend on infra). A platform test should hold the two to each other.
    /** {@code Topics.PARTNERS}. */
    public static final String PARTNERS_TOPIC = "pfp.partners.v1";
    /** {@code Topics.ACTIVITIES}, {@code EXERCISES}, {@code PROGRAMMES} with {@link #PARTNERS_TOPIC}. */
    public static final List<String> EVENT_TOPICS =
            List.of(PARTNERS_TOPIC, "pfp.activities.v1", "pfp.exercises.v1", "pfp.programmes.v1");
    /** {@code Topics.PARTNER_VIEWS}. */
    public static final String VIEWS_TOPIC = "pfp.partner-views.v1";
    /** {@code Topics.PARTNER_VIEWS} and {@code Topics.PARTNER_SIGNALS}. */
    public static final List<String> TRACKER_OUTPUT_TOPICS = List.of(VIEWS_TOPIC, "pfp.partner-signals.v1");
    /** {@code Topics.TRACKER_DEAD_LETTERS}. */
    public static final List<String> DEAD_LETTER_TOPICS = List.of("pfp.tracker.dead-letters.v1");
    /** The registry's default topic ({@code registry.topic}). */
    public static final String SCHEMAS_TOPIC = "_schemas";
    /** The tracker's default application id ({@code tracker.application.id}). */
    public static final String TRACKER_APPLICATION_ID = "pfp-tracker-v2";

    public AccessPolicy {
        eventTopics = names("eventTopics", eventTopics);
        trackerOutputTopics = names("trackerOutputTopics", trackerOutputTopics);
        deadLetterTopics = names("deadLetterTopics", deadLetterTopics);
        requireName("partnersTopic", partnersTopic);
        requireName("viewsTopic", viewsTopic);
        requireName("schemasTopic", schemasTopic);
        requireName("trackerApplicationId", trackerApplicationId);
        requireName("registryGroupPrefix", registryGroupPrefix);
        requireName("readerGroupPrefix", readerGroupPrefix);
        if (!eventTopics.contains(partnersTopic)) {
            throw new IllegalArgumentException("partnersTopic " + partnersTopic + " is not one of the event topics "
                    + eventTopics);
        }
        if (!trackerOutputTopics.contains(viewsTopic)) {
            throw new IllegalArgumentException("viewsTopic " + viewsTopic
                    + " is not one of the tracker's output topics " + trackerOutputTopics);
        }
    }

    /**
     * Today's topic catalogue, the registry's and the tracker's default names, and groups under
     * {@code pfp-registry} and {@code pfp-reader}.
     */
    public static AccessPolicy standard() {
        return new AccessPolicy(EVENT_TOPICS, PARTNERS_TOPIC, TRACKER_OUTPUT_TOPICS, VIEWS_TOPIC, DEAD_LETTER_TOPICS,
                SCHEMAS_TOPIC, TRACKER_APPLICATION_ID, "pfp-registry", "pfp-reader");
    }

    public AccessPolicy withTrackerApplicationId(String applicationId) {
        return new AccessPolicy(eventTopics, partnersTopic, trackerOutputTopics, viewsTopic, deadLetterTopics,
                schemasTopic, applicationId, registryGroupPrefix, readerGroupPrefix);
    }

    public AccessPolicy withSchemasTopic(String topic) {
        return new AccessPolicy(eventTopics, partnersTopic, trackerOutputTopics, viewsTopic, deadLetterTopics,
                topic, trackerApplicationId, registryGroupPrefix, readerGroupPrefix);
    }

    /** Every principal's ACLs, principal by principal. */
    public List<AclBinding> aclBindings() {
        return Arrays.stream(KafkaPrincipal.values()).flatMap(principal -> principal.grants(this).stream()).toList();
    }

    /** The ACLs of one principal; none for a super-user. */
    public List<AclBinding> aclBindings(KafkaPrincipal principal) {
        return principal.grants(this);
    }

    /** The broker's {@code super.users} value: {@code User:admin;User:broker}. */
    public static String superUsers() {
        return Arrays.stream(KafkaPrincipal.values())
                .filter(KafkaPrincipal::isSuperUser)
                .map(KafkaPrincipal::principal)
                .collect(Collectors.joining(";"));
    }

    private static List<String> names(String component, Collection<String> names) {
        Objects.requireNonNull(names, component);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(component + " must name at least one topic");
        }
        names.forEach(name -> requireName(component, name));
        Set<String> distinct = new TreeSet<>(names);
        if (distinct.size() != names.size()) {
            throw new IllegalArgumentException(component + " names a topic twice: " + names);
        }
        return List.copyOf(names);
    }

    private static void requireName(String component, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(component + " must not be blank");
        }
    }
}
