package org.pfptracker.gateway.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.pfptracker.gateway.command.CommandBody;
import org.pfptracker.gateway.command.ProgrammeCommands;
import org.pfptracker.gateway.fuzz.FuzzRequest.Header;
import org.pfptracker.gateway.http.CommandRoute;

/**
 * Requests to the gateway's command routes as a hostile client sends them: mostly near-valid bodies (a valid
 * body with a few fields changed, removed or added), some arbitrary JSON or no JSON at all, malformed path
 * ids, and odd headers (an Idempotency-Key reused, sent twice or malformed; odd content types).
 */
final class HostileRequests {

    /** Writes whatever was generated, however deep: the point is to see what the server's parser makes of it. */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build()).build();
    /** Field names that are no command's, or that only look like one. */
    private static final List<String> STRANGE_NAMES = List.of("", "metadata", "eventId", "__proto__", "constructor",
            "Title", "title ", "t\u0000itle", "\u202Etitle", "x".repeat(300));
    /** A few keys, so that the same key comes back with the same or another body. */
    private static final List<String> KEYS = List.of("k-1", "k-2", "\"k-3\"", "5b0f2d0e-7c1a-4a57-9d57-0f4f8e0d9a11");
    private static final List<String> CONTENT_TYPES = List.of("application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"", "application/problem+json", "text/plain",
            "application/json; charset=iso-8859-1", "", "*/*", "application/json; charset", "APPLICATION/JSON");

    private HostileRequests() {
    }

    /** Requests to these routes. */
    static Arbitrary<FuzzRequest> to(List<CommandRoute> routes) {
        return Arbitraries.of(routes).flatMap(route -> Combinators.combine(
                method(route), path(route), body(route), idempotencyKeys(), contentType(), traceparent())
                .as((method, path, body, keys, contentType, traceparent) -> {
                    List<Header> headers = new ArrayList<>();
                    keys.forEach(key -> headers.add(new Header("Idempotency-Key", key)));
                    contentType.forEach(type -> headers.add(new Header("Content-Type", type)));
                    traceparent.forEach(value -> headers.add(new Header("traceparent", value)));
                    return new FuzzRequest(method, path, body, headers);
                }));
    }

    private static Arbitrary<String> method(CommandRoute route) {
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(route.method().name())),
                Tuple.of(1, Arbitraries.of("GET", "DELETE", "PATCH", "POST", "PUT", "OPTIONS")));
    }

    /** The route's path with mostly valid, known ids, and sometimes an unknown partner or a malformed id. */
    private static Arbitrary<String> path(CommandRoute route) {
        Map<String, Arbitrary<String>> segments = Map.of(
                "partnerId", Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(ValidBodies.PARTNER)),
                        Tuple.of(2, Arbitraries.of(ValidBodies.OTHER_PARTNER, "new-partner", "atlantis")),
                        Tuple.of(2, hostileSegment())),
                "other", Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of("a1", "ex-1", "ipap-1", "o1")),
                        Tuple.of(2, hostileSegment())));
        List<Arbitrary<String>> parameters = route.pathParameters().stream()
                .map(name -> segments.get(name.equals("partnerId") ? "partnerId" : "other")).toList();
        if (parameters.isEmpty()) {
            return Arbitraries.just(route.path());
        }
        return Combinators.combine(parameters).as(values -> {
            Map<String, String> filled = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                filled.put(route.pathParameters().get(i), values.get(i));
            }
            return route.pathFor(filled);
        });
    }

    /** A path segment no id pattern allows, percent-encoded as a client library would. */
    private static Arbitrary<String> hostileSegment() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).map(HostileRequests::encoded),
                Arbitraries.of("%2F", "%00", "..", ".", "%2E%2E", "a%20b", "GEORGIA", "x".repeat(300), "%E2%80%AE",
                        "%F0%9F%91%8D", "georgia%0A"));
    }

    private static Arbitrary<byte[]> body(CommandRoute route) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, nearValid(route.command().name()).map(HostileRequests::bytes)),
                Tuple.of(1, HostileValues.values().map(HostileRequests::bytes)),
                Tuple.of(1, Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(60).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                        Arbitraries.bytes().list().ofMaxSize(60).map(HostileRequests::toArray),
                        Arbitraries.of("", "{", "{\"title\": \"Seminar\",}", "{\"a\":1}{\"b\":2}", "{\"title\":1,\"title\":2}",
                                "\uFEFF{}", "[]", "null", "{} x").map(text -> text.getBytes(StandardCharsets.UTF_8)))));
    }

    /**
     * The command's valid body with one change mostly, up to three: a change that keeps everything else valid
     * is what reaches each rule on its own, and what finds a value wrongly accepted.
     */
    private static Arbitrary<ObjectNode> nearValid(String commandName) {
        ObjectNode valid = ValidBodies.of(commandName);
        Arbitrary<Integer> howMany = Arbitraries.frequency(Tuple.of(6, 1), Tuple.of(2, 2), Tuple.of(1, 3));
        return howMany.flatMap(count -> mutation(valid).list().ofSize(count)).map(changes -> {
            ObjectNode body = valid.deepCopy();
            changes.forEach(change -> change.apply(body));
            return body;
        });
    }

    /**
     * One change to a body: a field given another value of its own kind (a date for a date, text for text), or
     * any hostile value; a field removed; a strange field added; a change inside a list of objectives or
     * participants.
     */
    private static Arbitrary<UnaryOperator<ObjectNode>> mutation(ObjectNode valid) {
        List<String> names = new ArrayList<>();
        valid.fieldNames().forEachRemaining(names::add);
        names.addAll(CommandBody.COMMON_FIELDS);
        Arbitrary<UnaryOperator<ObjectNode>> sameKind = Arbitraries.of(names).flatMap(field ->
                ofTheKindOf(valid.path(field)).map(value -> body -> body.set(field, value)));
        Arbitrary<UnaryOperator<ObjectNode>> anyValue = Combinators.combine(Arbitraries.of(names), HostileValues.values())
                .as((field, value) -> body -> body.set(field, value));
        Arbitrary<UnaryOperator<ObjectNode>> strangeField = Combinators.combine(Arbitraries.of(STRANGE_NAMES),
                HostileValues.values()).as((field, value) -> body -> body.set(field, value));
        Arbitrary<UnaryOperator<ObjectNode>> remove = Arbitraries.of(names).map(field -> body -> {
            body.remove(field);
            return body;
        });
        return Arbitraries.frequencyOf(Tuple.of(8, sameKind), Tuple.of(3, anyValue), Tuple.of(1, strangeField),
                Tuple.of(1, remove), Tuple.of(3, insideAList(valid)));
    }

    /** A change to the first objective of a programme, or another participant of an exercise. */
    private static Arbitrary<UnaryOperator<ObjectNode>> insideAList(ObjectNode valid) {
        JsonNode objective = valid.path("objectives").path(0);
        Arbitrary<UnaryOperator<ObjectNode>> inObjective = Arbitraries.of(List.copyOf(ProgrammeCommands.objectiveFields()))
                .flatMap(field -> ofTheKindOf(objective.path(field)).map(value -> body -> {
                    if (body.path("objectives").path(0) instanceof ObjectNode first) {
                        first.set(field, value);
                    }
                    return body;
                }));
        Arbitrary<UnaryOperator<ObjectNode>> participant = HostileValues.texts().map(value -> body -> {
            if (body.path("participantPartnerIds").isArray()) {
                body.withArray("participantPartnerIds").add(value);
            }
            return body;
        });
        return Arbitraries.oneOf(inObjective, participant);
    }

    /** A hostile value of the same kind as a valid one: a date for a date, a date-time for one, text for text. */
    private static Arbitrary<JsonNode> ofTheKindOf(JsonNode valid) {
        if (valid.isTextual() && isDate(valid.textValue())) {
            return HostileValues.dates().map(JsonNodeFactory.instance::textNode);
        }
        if (valid.isTextual() && isDateTime(valid.textValue())) {
            return HostileValues.instants().map(JsonNodeFactory.instance::textNode);
        }
        if (valid.isNumber()) {
            return HostileValues.numbers();
        }
        return HostileValues.texts().map(JsonNodeFactory.instance::textNode);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** No key or a new one mostly; a reused key, a malformed one, or the header twice otherwise. */
    private static Arbitrary<List<String>> idempotencyKeys() {
        Arbitrary<String> fresh = Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(8).ofMaxLength(36);
        Arbitrary<String> any = Arbitraries.oneOf(fresh, Arbitraries.of(KEYS), headerText());
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.just(List.of())),
                Tuple.of(6, fresh.map(List::of)),
                Tuple.of(2, Arbitraries.of(KEYS).map(List::of)),
                Tuple.of(1, headerText().map(List::of)),
                Tuple.of(1, any.list().ofSize(2)));
    }

    private static Arbitrary<List<String>> contentType() {
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(List.of("application/json"))),
                Tuple.of(1, Arbitraries.just(List.of())),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES).map(List::of)));
    }

    private static Arbitrary<List<String>> traceparent() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(List.of())),
                Tuple.of(1, Arbitraries.just(List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))),
                Tuple.of(1, headerText().map(List::of)));
    }

    /** What an HTTP client lets one put in a header value: visible ASCII, spaces and tabs. */
    private static Arbitrary<String> headerText() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\t').ofMaxLength(300);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] array = new byte[bytes.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = bytes.get(i);
        }
        return array;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a generated body", e);
        }
    }
}
