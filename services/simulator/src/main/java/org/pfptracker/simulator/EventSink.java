package org.pfptracker.simulator;

import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.publisher.EventPublisher;

/**
 * Where the simulator publishes: the {@link EventPublisher} in production, anything that acknowledges
 * events asynchronously in tests.
 */
@FunctionalInterface
public interface EventSink {

    /** Publishes an event; the stage completes when it is acknowledged, exceptionally when it is refused. */
    CompletionStage<?> publish(SpecificRecord event);

    /** Sends whatever is batched; called before waiting for the last acknowledgements. */
    default void flush() {
    }

    /** The real path: the publisher library every upstream system uses. */
    static EventSink of(EventPublisher publisher) {
        return new EventSink() {
            @Override
            public CompletionStage<?> publish(SpecificRecord event) {
                return publisher.publish(event);
            }

            @Override
            public void flush() {
                publisher.flush();
            }
        };
    }
}
