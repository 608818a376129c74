package org.pfptracker.registry.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a schema-registry-encoded record: one magic byte 0, the schema's global id
 * as a 4-byte big-endian int, then the Avro binary encoding of the datum. Readers use the id to fetch
 * the writer schema; nothing else in the record says which schema wrote it.
 */
public final class ConfluentWireFormat {

    /** The only magic byte the format has ever had. */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private ConfluentWireFormat() {
    }

    /** The five header bytes for a schema id. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * Reads the schema id of a framed record.
     *
     * @throws SerializationException when the payload is shorter than the header or does not start
     *                                with the magic byte; the message says what was found
     */
    public static int schemaId(byte[] payload) {
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Not a schema registry payload: " + payload.length
                    + " byte(s), but the header alone (magic byte 0 and a 4-byte schema id) needs " + HEADER_SIZE);
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Unknown magic byte 0x%02x: a schema registry payload starts with 0x00; this record was not "
                            + "written by a schema registry serializer", payload[0] & 0xff));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }
}
