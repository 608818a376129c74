package org.pfptracker.gateway.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.pfptracker.event.PartnerJoined;
import org.pfptracker.gateway.partner.PartnerDirectory;
import org.pfptracker.testsupport.event.TestEvents;

/** Requests and partners for command tests: a fixed clock and event id, JSON bodies written as text. */
final class CommandFixtures {

    static final Instant RECEIVED_AT = Instant.parse("2024-06-01T12:00:00.123456Z");
    static final UUID EVENT_ID = UUID.fromString("6f1c1a0e-5a0b-4c55-8d0c-0e9a6b7d1f20");
    static final String SOURCE = "gateway";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandFixtures() {
    }

    /** A request with this body (single quotes stand for double quotes, for readability) and path. */
    static CommandRequest request(String json, Map<String, String> path) {
        try {
            return new CommandRequest(path, (ObjectNode) JSON.readTree(json.replace('\'', '"')), EVENT_ID, RECEIVED_AT,
                    SOURCE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad test JSON: " + json, e);
        }
    }

    /** A directory that knows these partners and is complete. */
    static PartnerDirectory directoryWith(String... partnerIds) {
        PartnerDirectory directory = new PartnerDirectory();
        for (String partnerId : partnerIds) {
            directory.learn(joined(partnerId, UUID.nameUUIDFromBytes(partnerId.getBytes())));
        }
        return directory;
    }

    static PartnerJoined joined(String partnerId, UUID eventId) {
        LocalDate joinedOn = LocalDate.of(1994, 3, 23);
        return TestEvents.joined(TestEvents.metadata(partnerId, joinedOn.atStartOfDay().toInstant(ZoneOffset.UTC),
                eventId), partnerId, joinedOn);
    }
}
