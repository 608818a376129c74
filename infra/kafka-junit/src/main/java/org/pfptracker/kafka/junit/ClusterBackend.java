package org.pfptracker.kafka.junit;

import java.util.Optional;
import java.util.SortedSet;
import org.pfptracker.kafka.embedded.security.ClientSecurity;

/** A running cluster as {@link KafkaTestCluster} needs it, whatever started it. */
interface ClusterBackend extends AutoCloseable {

    String bootstrapServers();

    SortedSet<Integer> brokerIds();

    SortedSet<Integer> runningBrokerIds();

    /** How clients connect to a secured cluster as each principal; empty for a PLAINTEXT one. */
    Optional<ClientSecurity> clientSecurity();

    /** Stops one broker cleanly; throws {@link UnsupportedOperationException} where that cannot work. */
    void stopBroker(int brokerId);

    /** Starts a stopped broker again and returns once every running broker sees it as alive. */
    void startBroker(int brokerId);

    /** Starts every broker a test left stopped, so that the next test class gets a whole cluster. */
    void startStoppedBrokers();

    /** Throws {@link IllegalStateException} if the cluster recorded an internal fault. */
    void verifyHealthy();

    /** Stops the cluster, in bounded time, and fails if it recorded a fault. */
    @Override
    void close();
}
