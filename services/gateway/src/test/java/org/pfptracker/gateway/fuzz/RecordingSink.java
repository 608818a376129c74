package org.pfptracker.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.pfptracker.event.EventMetadata;
import org.pfptracker.gateway.delivery.EventSink;
import org.pfptracker.platform.event.EventCatalogue;
import org.pfptracker.platform.event.Events;
import org.pfptracker.publisher.PublishReceipt;

/**
 * A sink that acknowledges every event, after doing to it what the real publisher and Kafka would: a
 * Kafka record stamped with the event time (Kafka refuses a negative one), and Avro's binary encoding,
 * read back. An event that fails either would be a 500 from the real gateway; one that does not read back
 * as it was written (a date wrapped, a character replaced) is recorded as a fault: the gateway accepted
 * what it could not carry faithfully.
 */
final class RecordingSink implements EventSink {

    private final List<SpecificRecord> published = new CopyOnWriteArrayList<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<PublishReceipt> publish(SpecificRecord event, String traceparent) {
        EventCatalogue.EventType type;
        try {
            type = EventCatalogue.typeOf(event);
            EventMetadata metadata = Events.metadataOf(event);
            new ProducerRecord<>(type.topic(), null, metadata.getOccurredAt().toEpochMilli(), metadata.getPartnerId(),
                    event);
            SpecificRecord readBack = avroRoundTrip(event);
            // toString, not equals: the generated equals compares logical-type fields by their Avro type.
            if (!readBack.toString().equals(event.toString())) {
                faults.add("Not carried faithfully: " + event + " read back as " + readBack);
            }
        } catch (RuntimeException | IOException e) {
            faults.add("Could not be published: " + event + ": " + e);
            return CompletableFuture.failedFuture(e);
        }
        published.add(event);
        return CompletableFuture.completedFuture(new PublishReceipt(Events.metadataOf(event).getEventId().toString(),
                type.topic(), 0, published.size()));
    }

    /** Every event acknowledged so far, in order. */
    List<SpecificRecord> published() {
        return published;
    }

    /** What went wrong publishing, in words; empty when nothing did. */
    List<String> faults() {
        return faults;
    }

    private static SpecificRecord avroRoundTrip(SpecificRecord event) throws IOException {
        Schema schema = event.getSchema();
        SpecificData data = SpecificData.getForSchema(schema);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<SpecificRecord>(schema, data).write(event, encoder);
        encoder.flush();
        return new SpecificDatumReader<SpecificRecord>(schema, schema, data)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
