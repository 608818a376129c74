package org.pfptracker.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * JSON values a hostile or careless client puts in a field: dates at and beyond every limit, text with
 * control, bidirectional and invisible characters, wrong types, nulls, huge and odd numbers, deep nesting.
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Dates that broke the gateway, dates at the bounds, and dates no calendar has. */
    private static final List<String> DATES = List.of("1969-12-31", "1970-01-01", "9999-12-31", "+10000-01-01",
            "0000-01-01", "+99999-12-31", "-999999999-01-01", "+999999999-12-31", "1949-04-04", "2024-02-29",
            "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "20240101", "2024-05-01T00:00:00Z", "");
    /** Date-times likewise, with offsets at and beyond their limits. */
    private static final List<String> INSTANTS = List.of("1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59-18:00", "9999-12-31T23:59:59.999Z",
            "2024-05-01T08:00:00", "2024-05-01T08:00:00+19:00", "2024-05-01T08:00:00.123456789+14:00",
            "2024-05-01", "2999-01-01T00:00:00Z", "2024-05-01T24:00:00Z");
    /** Text that looks empty, reads backwards, rings a bell or is no character at all. */
    private static final List<String> TEXTS = List.of("", " ", "\u200B\u200B", "\u3164", "\u2800", "\u00A0",
            "\u0301", "\uFEFF", "Semi\u202Enar", "\u2066x\u2069", "a\u0000b", "\u001B[2J", "line\nbreak", "tab\there",
            "a\r\nb", "\u2028", "\uD800", "x\uDC00y", "\uD83D\uDC4D", "Cafe\u0301", "UNKNOWN", "DEFENCE_REFORM",
            "georgia", "ukraine", "new-partner", "a".repeat(201), "b".repeat(5001), "\\u0000", "null", "{}",
            "<script>alert(1)</script>", "'; DROP TABLE events; --", "%00", "../../etc/passwd");

    private HostileValues() {
    }

    /** Any of the values below, mostly shallow. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, texts().map(NODES::textNode)),
                Tuple.of(2, numbers()),
                Tuple.of(1, Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false))),
                Tuple.of(2, shallowTrees()),
                Tuple.of(1, deepNesting()));
    }

    /** Text of every kind: the crafted list, dates and date-times, arbitrary Unicode, control runs, long runs. */
    static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TEXTS)),
                Tuple.of(2, dates()),
                Tuple.of(2, instants()),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(3)
                        .map(controls -> "Semi" + controls + "nar")),
                Tuple.of(1, Arbitraries.integers().between(1, 70_000).map("x"::repeat)));
    }

    /** Calendar dates, well-formed or not, in range or far out of it. */
    static Arbitrary<String> dates() {
        Arbitrary<String> formatted = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(1900, 10_100)),
                        Tuple.of(1, Arbitraries.integers().between(-999_999_999, 999_999_999))),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as(HostileValues::isoDate);
        return Arbitraries.oneOf(Arbitraries.of(DATES), formatted);
    }

    /** Date-times: a date, a time and an offset, each possibly out of bounds. */
    static Arbitrary<String> instants() {
        Arbitrary<String> formatted = Combinators.combine(dates(),
                Arbitraries.of("00:00:00", "23:59:59.999", "12:00", "25:00:00", "08:00:00.123456789"),
                Arbitraries.of("Z", "+00:00", "-18:00", "+18:00", "+19:00", "", "+0100")).as((date, time, offset) ->
                date + "T" + time + offset);
        return Arbitraries.oneOf(Arbitraries.of(INSTANTS), formatted);
    }

    /** Numbers JSON allows and Java types do not all hold. */
    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(0L, -1L, 1L, 1000L, 1001L, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE)
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("1e400", "-1e400", "1.5", "12.0", "1e-400", "123456789012345678901234567890")
                        .map(text -> NODES.numberNode(new BigDecimal(text))),
                Arbitraries.integers().between(20, 990)
                        .map(digits -> NODES.numberNode(new BigInteger("9".repeat(digits)))));
    }

    /** Lists and objects a few levels deep, of any of the values. */
    private static Arbitrary<JsonNode> shallowTrees() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(texts().map(NODES::textNode), numbers(),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.recursive(() -> leaves, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(elements -> (JsonNode) NODES.arrayNode().addAll(elements)),
                Combinators.combine(Arbitraries.strings().all().ofMaxLength(12), inner).as((name, value) ->
                        NODES.objectNode().<JsonNode>set(name, value))), 0, 3);
    }

    /** Lists or objects nested up to beyond what the parser accepts (1000 levels). */
    private static Arbitrary<JsonNode> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(1, 1_100), Arbitraries.of(true, false))
                .as((depth, objects) -> {
                    JsonNode node = NODES.textNode("bottom");
                    for (int i = 0; i < depth; i++) {
                        node = objects ? NODES.objectNode().set("x", node) : NODES.arrayNode().add(node);
                    }
                    return node;
                });
    }

    /** An ISO-looking date, with the sign and width Java writes for years beyond four digits. */
    private static String isoDate(int year, int month, int day) {
        String y = year > 9999 ? "+" + year : year < 0 ? "-" + String.format("%04d", -year) : String.format("%04d", year);
        return y + String.format("-%02d-%02d", month, day);
    }
}
