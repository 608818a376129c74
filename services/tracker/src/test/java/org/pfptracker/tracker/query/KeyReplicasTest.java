package org.pfptracker.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.pfptracker.tracker.query.KeyReplicas.Replica;

class KeyReplicasTest {

    private static final HostInfo SELF = new HostInfo("10.0.0.1", 8080);
    private static final HostInfo OWNER = new HostInfo("10.0.0.2", 8080);
    private static final HostInfo OTHER = new HostInfo("10.0.0.3", 8080);

    @Test
    void shouldAskTheActiveCopyFirstThenOwnStandbyThenOtherStandbys() {
        KeyReplicas replicas = new KeyReplicas(3, OWNER, Set.of(OTHER, SELF));

        assertThat(replicas.candidates(SELF)).containsExactly(
                new Replica(OWNER, false), new Replica(SELF, true), new Replica(OTHER, true));
    }

    @Test
    void shouldAskOnlyStandbysWhileNoInstanceIsActive() {
        KeyReplicas replicas = new KeyReplicas(3, null, Set.of(OTHER));

        assertThat(replicas.candidates(SELF)).containsExactly(new Replica(OTHER, true));
        assertThat(replicas.isActive(SELF)).isFalse();
    }

    @Test
    void shouldKnowWhichCopyAnInstanceHolds() {
        KeyReplicas replicas = new KeyReplicas(0, SELF, Set.of(OWNER));

        assertThat(replicas.isActive(SELF)).isTrue();
        assertThat(replicas.isStandby(SELF)).isFalse();
        assertThat(replicas.isStandby(OWNER)).isTrue();
        assertThat(replicas.candidates(SELF)).containsExactly(new Replica(SELF, false), new Replica(OWNER, true));
    }
}
