package org.pfptracker.launcher.logging;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Drops the broker's ERROR for KAFKA-18202: with transactions v2, the first write of a transactional producer to a
 * partition after its transaction began may arrive with a sequence number the broker does not expect yet ("Expected
 * sequence 0 for transactions v2 idempotent producer with no existing state"). The broker answers
 * OUT_OF_ORDER_SEQUENCE_NUMBER, the producer retries and the write succeeds; nothing is lost or duplicated, but the
 * broker logs each one at ERROR with a stack trace, dozens a second while Kafka Streams starts. The producer's own
 * WARN of the retry stays. Any other error of the same logger passes.
 */
@Plugin(name = "KafkaRetriedSequenceFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE)
public final class KafkaRetriedSequenceFilter extends AbstractFilter {

    /** What the broker says in this case only (ProducerStateManager's check for a producer it has no state of). */
    static final String NO_EXISTING_STATE = "idempotent producer with no existing state";

    private KafkaRetriedSequenceFilter() {
        super(Result.DENY, Result.NEUTRAL);
    }

    @PluginFactory
    public static KafkaRetriedSequenceFilter create() {
        return new KafkaRetriedSequenceFilter();
    }

    @Override
    public Result filter(LogEvent event) {
        return isRetriedSequenceError(event.getThrown()) ? onMatch : onMismatch;
    }

    static boolean isRetriedSequenceError(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfOrderSequenceException && cause.getMessage() != null
                    && cause.getMessage().contains(NO_EXISTING_STATE)) {
                return true;
            }
        }
        return false;
    }
}
