package org.pfptracker.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSourceTest {

    @Test
    void shouldUseTheTestKitUnlessAskedOtherwise() {
        assertThat(ClusterSource.configured(name -> null, name -> null)).isEqualTo(ClusterSource.KRAFT_TEST_KIT);
    }

    @Test
    void shouldUseContainersWhenTheEnvironmentAsks() {
        // Given
        Map<String, String> environment = Map.of("PFP_TEST_KAFKA", "testcontainers");

        // When / Then
        assertThat(ClusterSource.configured(name -> null, environment::get)).isEqualTo(ClusterSource.TESTCONTAINERS);
    }

    @Test
    void shouldLetTheSystemPropertyOverrideTheEnvironment() {
        // Given
        Map<String, String> properties = Map.of("pfp.test.kafka", "embedded");
        Map<String, String> environment = Map.of("PFP_TEST_KAFKA", "testcontainers");

        // When / Then
        assertThat(ClusterSource.configured(properties::get, environment::get)).isEqualTo(ClusterSource.KRAFT_TEST_KIT);
    }

    @Test
    void shouldServeMultiBrokerRequestsFromTheTestKitEvenInContainerMode() {
        assertThat(ClusterSource.TESTCONTAINERS.forBrokerCount(1)).isEqualTo(ClusterSource.TESTCONTAINERS);
        assertThat(ClusterSource.TESTCONTAINERS.forBrokerCount(3)).isEqualTo(ClusterSource.KRAFT_TEST_KIT);
    }

    @Test
    void shouldNameTheSettingWhenItsValueIsUnknown() {
        assertThatThrownBy(() -> ClusterSource.configured(Map.of("pfp.test.kafka", "docker")::get, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pfp.test.kafka")
                .hasMessageContaining("docker");
    }
}
