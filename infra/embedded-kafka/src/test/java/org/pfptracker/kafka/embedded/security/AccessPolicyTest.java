package org.pfptracker.kafka.embedded.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final AccessPolicy POLICY = AccessPolicy.standard();

    @Test
    void shouldLetOnlyTheGatewayAndPublishersWriteTheEventTopics() {
        for (String topic : POLICY.eventTopics()) {
            assertThat(principalsAllowed(AclOperation.WRITE, topic))
                    .as("who may write %s", topic)
                    .containsExactlyInAnyOrder("User:gateway", "User:publisher");
        }
    }

    @Test
    void shouldLetOnlyTheTrackerReadTheEventTopicsExceptTheGatewaysPartnerDirectory() {
        assertThat(principalsAllowed(AclOperation.READ, AccessPolicy.PARTNERS_TOPIC))
                .containsExactlyInAnyOrder("User:tracker", "User:gateway");
        assertThat(principalsAllowed(AclOperation.READ, "pfp.activities.v1")).containsExactly("User:tracker");
    }

    @Test
    void shouldLetOnlyTheTrackerWriteItsOutputAndDeadLetters() {
        List<String> trackerOnly = List.of(AccessPolicy.VIEWS_TOPIC, "pfp.partner-signals.v1",
                "pfp.tracker.dead-letters.v1");
        for (String topic : trackerOnly) {
            assertThat(principalsAllowed(AclOperation.WRITE, topic)).as("who may write %s", topic)
                    .containsExactly("User:tracker");
        }
    }

    @Test
    void shouldGrantTheReaderNothingButReads() {
        assertThat(POLICY.aclBindings(KafkaPrincipal.READER))
                .isNotEmpty()
                .allSatisfy(binding -> assertThat(binding.entry().operation()).isEqualTo(AclOperation.READ));
        assertThat(POLICY.aclBindings(KafkaPrincipal.READER))
                .filteredOn(binding -> binding.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(binding -> binding.pattern().name())
                .containsExactlyInAnyOrderElementsOf(AccessPolicy.TRACKER_OUTPUT_TOPICS);
    }

    @Test
    void shouldGiveTheTrackerWhatItsApplicationIdNames() {
        // Given
        AccessPolicy policy = POLICY.withTrackerApplicationId("pfp-tracker-v3");

        // When
        List<AclBinding> tracker = policy.aclBindings(KafkaPrincipal.TRACKER);

        // Then
        assertThat(tracker).contains(
                allow("tracker", ResourceType.TOPIC, "pfp-tracker-v3", PatternType.PREFIXED, AclOperation.ALL),
                allow("tracker", ResourceType.GROUP, "pfp-tracker-v3", PatternType.LITERAL, AclOperation.READ),
                allow("tracker", ResourceType.TRANSACTIONAL_ID, "pfp-tracker-v3", PatternType.PREFIXED,
                        AclOperation.WRITE));
        assertThat(tracker).extracting(binding -> binding.pattern().name()).doesNotContain("pfp-tracker-v2");
    }

    @Test
    void shouldLetTheRegistryOwnTheSchemasTopicAndItsWriterId() {
        assertThat(POLICY.aclBindings(KafkaPrincipal.REGISTRY)).contains(
                allow("registry", ResourceType.TOPIC, "_schemas", PatternType.LITERAL, AclOperation.CREATE),
                allow("registry", ResourceType.TOPIC, "_schemas", PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS),
                allow("registry", ResourceType.TRANSACTIONAL_ID, "_schemas-writer", PatternType.LITERAL,
                        AclOperation.WRITE));
    }

    @Test
    void shouldGiveSuperUsersNoAclsButTheBrokersSuperUserList() {
        assertThat(POLICY.aclBindings(KafkaPrincipal.ADMIN)).isEmpty();
        assertThat(POLICY.aclBindings(KafkaPrincipal.BROKER)).isEmpty();
        assertThat(AccessPolicy.superUsers()).isEqualTo("User:admin;User:broker");
    }

    @Test
    void shouldOnlyAllowAndNeverGrantTheClusterOrDenials() {
        assertThat(POLICY.aclBindings()).allSatisfy(binding -> {
            assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(binding.entry().host()).isEqualTo("*");
            assertThat(binding.pattern().resourceType()).isNotEqualTo(ResourceType.CLUSTER);
        });
        assertThat(POLICY.aclBindings()).doesNotHaveDuplicates();
    }

    @Test
    void shouldRejectNamesThatTheGrantsCannotReferTo() {
        assertThatThrownBy(() -> new AccessPolicy(AccessPolicy.EVENT_TOPICS, "pfp.elsewhere.v1",
                AccessPolicy.TRACKER_OUTPUT_TOPICS, AccessPolicy.VIEWS_TOPIC, AccessPolicy.DEAD_LETTER_TOPICS,
                "_schemas", "pfp-tracker-v2", "pfp-registry", "pfp-reader"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partnersTopic");
        assertThatThrownBy(() -> POLICY.withTrackerApplicationId(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trackerApplicationId");
    }

    private static Set<String> principalsAllowed(AclOperation operation, String topic) {
        ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
        return POLICY.aclBindings().stream()
                .filter(binding -> binding.pattern().equals(pattern) && binding.entry().operation() == operation)
                .map(binding -> binding.entry().principal())
                .collect(Collectors.toSet());
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType patternType,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, patternType),
                new AccessControlEntry("User:" + user, "*", operation,
                        AclPermissionType.ALLOW));
    }
}
