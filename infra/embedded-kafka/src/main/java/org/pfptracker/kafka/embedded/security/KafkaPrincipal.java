package org.pfptracker.kafka.embedded.security;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The Kafka users of pfp-tracker, each with the ACLs its part of the system needs and nothing more.
 * The names a grant refers to (topics, the tracker's application id, groups) come from an
 * {@link AccessPolicy}; {@link AccessPolicy#aclBindings()} gathers every principal's grants.
 *
 * <p>Every grant allows from any host and names operations Kafka implies others from: {@code READ}
 * and {@code WRITE} on a topic imply {@code DESCRIBE}, so clients can fetch metadata. No principal is
 * granted {@code IDEMPOTENT_WRITE} on the cluster: since Kafka 3.0 (KIP-679) an idempotent producer
 * needs only {@code WRITE} on some topic to get its producer id, which every producing principal has.
 *
 * <p>Super-users ({@link #ADMIN}, {@link #BROKER}) are named in the broker's {@code super.users} and
 * get no ACLs: the authorizer lets them do everything.
 */
public enum KafkaPrincipal {

    /**
     * The operator's super-user: creates topics, sets ACLs and SCRAM credentials. Used for set-up
     * ({@code pfp topics}, the local stack's provisioning), never by a running service.
     */
    ADMIN("admin", true) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            return List.of();
        }
    },

    /**
     * The Kafka nodes themselves, for inter-broker and controller traffic. Only the brokers'
     * configuration holds its password; no client should use it.
     */
    BROKER("broker", true) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            return List.of();
        }
    },

    /**
     * The HTTP gateway: writes events, and reads the partners topic whole (assigned partitions, no
     * consumer group) to know which partners exist before it accepts a command about one.
     */
    GATEWAY("gateway", false) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            List<AclBinding> grants = new ArrayList<>(onTopics(this, policy.eventTopics(), WRITE));
            grants.add(allow(this, TOPIC, policy.partnersTopic(), LITERAL, READ));
            return grants;
        }
    },

    /** Upstream JVM systems, the simulator and {@code pfp publish} ({@code EventPublisher}): write events only. */
    PUBLISHER("publisher", false) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            return onTopics(this, policy.eventTopics(), WRITE);
        }
    },

    /**
     * The tracker, a Kafka Streams application with {@code exactly_once_v2}: reads the events in its
     * group, owns every internal topic and transactional id under its application id, writes the
     * views, signals and dead letters, and reads the views topic back (its change feed, no group).
     */
    TRACKER("tracker", false) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            String applicationId = policy.trackerApplicationId();
            List<AclBinding> grants = new ArrayList<>(onTopics(this, policy.eventTopics(), READ));
            grants.addAll(onTopics(this, policy.trackerOutputTopics(), WRITE));
            grants.addAll(onTopics(this, policy.deadLetterTopics(), WRITE));
            grants.add(allow(this, TOPIC, policy.viewsTopic(), LITERAL, READ));
            // Changelog and repartition topics are named <application id>-...: Streams creates them,
            // reads and writes them, deletes consumed repartition records and checks their configs.
            grants.add(allow(this, TOPIC, applicationId, PREFIXED, ALL));
            // The group id of a Streams application is its application id, exactly.
            grants.add(allow(this, GROUP, applicationId, LITERAL, READ));
            // exactly_once_v2 producers are transactional, with ids <application id>-<process>-<thread>.
            grants.add(allow(this, TRANSACTIONAL_ID, applicationId, PREFIXED, WRITE));
            grants.add(allow(this, TRANSACTIONAL_ID, applicationId, PREFIXED, DESCRIBE));
            return grants;
        }
    },

    /**
     * The schema registry: owns the schemas topic (creates it, checks its configuration, reads and
     * writes it), writes through the one transactional id its single-writer protocol shares
     * ({@code <schemas topic>-writer}), and may read in groups under its own prefix.
     */
    REGISTRY("registry", false) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            String schemas = policy.schemasTopic();
            List<AclBinding> grants = new ArrayList<>();
            for (AclOperation operation : List.of(READ, WRITE, CREATE, DESCRIBE_CONFIGS)) {
                grants.add(allow(this, TOPIC, schemas, LITERAL, operation));
            }
            grants.add(allow(this, TRANSACTIONAL_ID, schemas + "-writer", LITERAL, WRITE));
            grants.add(allow(this, TRANSACTIONAL_ID, schemas + "-writer", LITERAL, DESCRIBE));
            grants.add(allow(this, GROUP, policy.registryGroupPrefix(), PREFIXED, READ));
            return grants;
        }
    },

    /** Dashboards and other systems that follow the tracker's results: read the output topics, write nothing. */
    READER("reader", false) {
        @Override
        List<AclBinding> grants(AccessPolicy policy) {
            List<AclBinding> grants = new ArrayList<>(onTopics(this, policy.trackerOutputTopics(), READ));
            grants.add(allow(this, GROUP, policy.readerGroupPrefix(), PREFIXED, READ));
            return grants;
        }
    };

    private final String userName;
    private final boolean superUser;

    KafkaPrincipal(String userName, boolean superUser) {
        this.userName = userName;
        this.superUser = superUser;
    }

    /** The SCRAM user name, e.g. {@code gateway}. */
    public String userName() {
        return userName;
    }

    /** The principal as ACLs and {@code super.users} name it, e.g. {@code User:gateway}. */
    public String principal() {
        return "User:" + userName;
    }

    /** Whether the broker lets this principal do everything, without ACLs. */
    public boolean isSuperUser() {
        return superUser;
    }

    /** The ACLs this principal needs under {@code policy}; none for a super-user. */
    abstract List<AclBinding> grants(AccessPolicy policy);

    private static List<AclBinding> onTopics(KafkaPrincipal who, Collection<String> topics, AclOperation operation) {
        return topics.stream().map(topic -> allow(who, TOPIC, topic, LITERAL, operation)).toList();
    }

    private static AclBinding allow(KafkaPrincipal who, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(who.principal(), "*", operation, AclPermissionType.ALLOW));
    }
}
