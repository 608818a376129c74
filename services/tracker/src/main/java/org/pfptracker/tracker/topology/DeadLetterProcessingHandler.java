package org.pfptracker.tracker.topology;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.pfptracker.tracker.state.InvalidEventException;

/**
 * An event that was read but cannot be applied to a view goes to the dead-letter topic and the stream
 * resumes. Anything else is a bug or an outage, not bad data: the stream fails so it is seen.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(String.valueOf(configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)),
                TrackerCounters.from(configs));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof InvalidEventException || exception instanceof IllegalArgumentException) {
            return Response.resume(deadLetters.recordsFor(context, exception, "processing"));
        }
        return Response.fail();
    }
}
