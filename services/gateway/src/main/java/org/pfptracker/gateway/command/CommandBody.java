package org.pfptracker.gateway.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.core.partner.PartnerId;
import org.pfptracker.event.EventMetadata;

/**
 * Reads the fields of one command's JSON body, checking each and recording every violation instead of
 * stopping at the first, so that a client learns everything wrong with its request at once.
 *
 * <p>A reader returns {@code null} for a field that is absent or broken (the violation is recorded);
 * {@link Command#toEvent} builds the event only when nothing was recorded, so no {@code null} reaches an
 * event by mistake.
 */
public final class CommandBody {

    /** When the fact happened; defaults to the time the gateway received the command. */
    public static final String OCCURRED_AT = "occurredAt";
    /** Id shared by the events of one business interaction. */
    public static final String CORRELATION_ID = "correlationId";
    /** Fields every command accepts. */
    public static final Set<String> COMMON_FIELDS = Set.of(OCCURRED_AT, CORRELATION_ID);

    /** Partner ids are lower-case words joined by hyphens, e.g. "bosnia-and-herzegovina": {@link PartnerId#FORMAT}. */
    public static final Pattern PARTNER_ID = PartnerId.FORMAT;
    /** Ids of activities, exercises, programmes and objectives: safe in a URL path segment. */
    public static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    public static final String PARTNER_ID_RULE = PartnerId.RULE;
    public static final String RESOURCE_ID_RULE = "must be 1-100 letters, digits, '.', '_', ':' or '-', starting with a "
            + "letter or digit";

    /** Clocks of upstream systems drift: an event time slightly ahead of ours is not yet "the future". */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_CORRELATION_ID_LENGTH = 128;
    private static final String UNKNOWN_SYMBOL = "UNKNOWN";
    /** A text field the gateway knows only from its schema: as long as the longest field a mapper allows. */
    static final int MAX_SCHEMA_TEXT_LENGTH = 5000;
    /** What {@link #avroValue} returns for a value it refused (null is a valid Avro value). */
    private static final Object INVALID = new Object();

    private final ObjectNode node;
    private final String prefix;
    private final List<Violation> violations;
    private final CommandRequest request;
    /** The fields this body may hold; any other is refused. */
    private final Set<String> allowed = new HashSet<>();
    /** The fields a mapper has read: what {@link #withSchemaFields} leaves to it. */
    private final Set<String> read = new HashSet<>();
    private Instant occurredAt;
    private String correlationId;

    private CommandBody(ObjectNode node, String prefix, List<Violation> violations, CommandRequest request) {
        this.node = node;
        this.prefix = prefix;
        this.violations = violations;
        this.request = request;
    }

    /** Starts reading a command's body: refuses unknown fields and reads the common ones. */
    static CommandBody of(CommandRequest request, Set<String> fields) {
        CommandBody body = new CommandBody(request.body(), "", new ArrayList<>(), request);
        Set<String> allowed = new HashSet<>(fields);
        allowed.addAll(COMMON_FIELDS);
        body.refuseUnknownFields(allowed);
        body.read.addAll(COMMON_FIELDS);
        body.occurredAt = body.readOccurredAt();
        body.correlationId = body.optionalText(CORRELATION_ID, MAX_CORRELATION_ID_LENGTH);
        return body;
    }

    /**
     * A string that must be present and hold a visible character; returned in its stored form (see
     * {@link FreeText}: NFC, trimmed; no control, bidirectional-override or unpaired-surrogate characters). A
     * limit above 200 characters makes it prose, which may span lines; up to that it is one line.
     */
    public String requiredText(String name, int maxLength) {
        return requiredText(name, maxLength, FreeText.Form.forMaxLength(maxLength));
    }

    /** As {@link #requiredText}, but may be absent ({@code null}). */
    public String optionalText(String name, int maxLength) {
        return optionalText(name, maxLength, FreeText.Form.forMaxLength(maxLength));
    }

    /**
     * A partner id in the body; whether the partner is known is for the caller to check.
     *
     * @return the id, or {@code null} when it is missing or malformed (and so rejected)
     */
    public PartnerId requiredPartnerId(String name) {
        // The id's rule bounds its length, and says so better than a length limit would.
        String value = requiredText(name, Integer.MAX_VALUE, FreeText.Form.LINE);
        return value == null ? null : partnerId(name, value);
    }

    /** An activity, exercise, programme or objective id that must be given. */
    public String requiredResourceId(String name) {
        String value = requiredText(name, Integer.MAX_VALUE, FreeText.Form.LINE);
        return value == null ? null : matching(name, value, RESOURCE_ID, RESOURCE_ID_RULE);
    }

    /** An activity, exercise or programme id the client may give; {@code null} when it did not. */
    public String optionalResourceId(String name) {
        String value = optionalText(name, Integer.MAX_VALUE, FreeText.Form.LINE);
        return value == null ? null : matching(name, value, RESOURCE_ID, RESOURCE_ID_RULE);
    }

    /** One symbol of an event enum, spelt exactly; UNKNOWN is for old readers, never for a writer. */
    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        JsonNode value = field(name);
        if (absent(value)) {
            reject(name, "is required; one of " + allowedSymbols(type));
            return null;
        }
        return symbol(name, value, type);
    }

    /** As {@link #requiredEnum}, with a default when absent. */
    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type, E fallback) {
        JsonNode value = field(name);
        return absent(value) ? fallback : symbol(name, value, type);
    }

    /** A non-empty list of distinct enum symbols, in the client's order. */
    public <E extends Enum<E>> List<E> requiredEnumList(String name, Class<E> type, int maxSize) {
        List<JsonNode> elements = requiredArray(name, maxSize);
        if (elements == null) {
            return null;
        }
        List<E> symbols = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < elements.size(); i++) {
            E symbol = symbol(name + "[" + i + "]", elements.get(i), type);
            if (symbol == null) {
                valid = false;
            } else if (symbols.contains(symbol)) {
                reject(name + "[" + i + "]", "repeats " + symbol + "; each may appear once");
                valid = false;
            } else {
                symbols.add(symbol);
            }
        }
        return valid ? symbols : null;
    }

    /** A non-empty list of distinct, well-formed partner ids; whether they are known is for the caller. */
    public List<PartnerId> requiredPartnerIdList(String name, int maxSize) {
        List<JsonNode> elements = requiredArray(name, maxSize);
        if (elements == null) {
            return null;
        }
        List<PartnerId> ids = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < elements.size(); i++) {
            String element = name + "[" + i + "]";
            String text = text(element, elements.get(i), Integer.MAX_VALUE, FreeText.Form.LINE);
            PartnerId id = text == null ? null : partnerId(element, text);
            if (id == null) {
                valid = false;
            } else if (ids.contains(id)) {
                reject(element, "repeats '" + id + "'; each partner may appear once");
                valid = false;
            } else {
                ids.add(id);
            }
        }
        return valid ? ids : null;
    }

    /** A calendar date (YYYY-MM-DD) that must be given. */
    public LocalDate requiredDate(String name) {
        JsonNode value = field(name);
        if (absent(value)) {
            reject(name, "is required; a date as YYYY-MM-DD");
            return null;
        }
        return date(name, value);
    }

    /** A calendar date (YYYY-MM-DD) that may be absent ({@code null}). */
    public LocalDate optionalDate(String name) {
        JsonNode value = field(name);
        return absent(value) ? null : date(name, value);
    }

    /** A whole number within {@code [min, max]}. */
    public Integer requiredInt(String name, int min, int max) {
        JsonNode value = field(name);
        if (absent(value)) {
            reject(name, "is required; a whole number from " + min + " to " + max);
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            reject(name, "must be a whole number from " + min + " to " + max + ", was " + shown(value));
            return null;
        }
        return value.intValue();
    }

    /**
     * A non-empty list of JSON objects, each read by its own body whose violations are reported under
     * {@code name[i].field}.
     */
    public List<CommandBody> requiredObjects(String name, int maxSize, Set<String> fields) {
        List<JsonNode> elements = requiredArray(name, maxSize);
        if (elements == null) {
            return null;
        }
        List<CommandBody> bodies = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            if (!(element instanceof ObjectNode object)) {
                reject(name + "[" + i + "]", "must be an object with " + new TreeSet<>(fields));
                continue;
            }
            CommandBody nested = new CommandBody(object, prefix + name + "[" + i + "].", violations, request);
            nested.refuseUnknownFields(fields);
            bodies.add(nested);
        }
        return bodies;
    }

    /** Records a violation of a rule the caller checks itself (a cross-field rule, a known partner...). */
    public void reject(String name, String message) {
        violations.add(new Violation(prefix + name, message));
    }

    /**
     * Completes an event with the fields of its schema that the mapper did not read: a field added to the
     * schema since the mapper was written is read by its Avro type (string, number, boolean, enum, date,
     * timestamp, uuid, an optional or a list of these) and carried into the event, never dropped. Call it
     * after the mapper read its fields, with the supplier the mapper returned.
     *
     * @param schema the record schema the supplier builds (the event's, or a nested record's)
     * @return a supplier of the mapper's record with those fields set; called only when nothing was violated
     */
    public <R extends SpecificRecord> Supplier<R> withSchemaFields(Schema schema, Supplier<R> record) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            String name = field.name();
            JsonNode value = node.get(name);
            if (read.contains(name) || !allowed.contains(name) || absent(value)) {
                continue; // the mapper's, refused already, or left to the schema's default
            }
            Object avro = avroValue(name, value, field.schema());
            if (avro != INVALID) {
                values.put(name, avro);
            }
        }
        if (values.isEmpty()) {
            return record;
        }
        return () -> {
            R built = record.get();
            values.forEach((name, value) -> built.put(built.getSchema().getField(name).pos(), value));
            return built;
        };
    }

    /**
     * The event's metadata: the request's event id, occurredAt (given, or when the gateway received the
     * command), the gateway as source, the partner and the correlation id. Call it only while building.
     */
    public EventMetadata metadata(String partnerId) {
        return EventMetadata.newBuilder()
                .setEventId(request.eventId())
                .setOccurredAt(occurredAt == null ? request.receivedAt().truncatedTo(ChronoUnit.MILLIS) : occurredAt)
                .setSource(request.source())
                .setPartnerId(partnerId)
                .setCorrelationId(correlationId)
                .build();
    }

    /** The symbols a client may send for an event enum: all but UNKNOWN, in declaration order. */
    public static <E extends Enum<E>> List<String> allowedSymbols(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> !n.equals(UNKNOWN_SYMBOL)).toList();
    }

    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidCommandException(violations);
        }
    }

    private void refuseUnknownFields(Set<String> fields) {
        allowed.addAll(fields);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                // The name is the client's own text: shown escaped and cut short, like any value it sent.
                reject(ClientValue.shown(name), "is not a field of this command; its fields are " + new TreeSet<>(allowed));
            }
        }
    }

    /** A field of the body, noted as read by the mapper. */
    private JsonNode field(String name) {
        read.add(name);
        return node.get(name);
    }

    /**
     * A JSON value as the generated class holds a field of this Avro type, or {@link #INVALID} with the
     * violation recorded. Logical types map as the generated classes do (date to LocalDate,
     * timestamp-millis to Instant, uuid to UUID); anything else is refused rather than guessed.
     */
    private Object avroValue(String name, JsonNode value, Schema schema) {
        LogicalType logical = schema.getLogicalType();
        String logicalName = logical == null ? null : logical.getName();
        switch (schema.getType()) {
            case UNION -> {
                List<Schema> branches = schema.getTypes().stream()
                        .filter(branch -> branch.getType() != Schema.Type.NULL).toList();
                if (value.isNull() && branches.size() < schema.getTypes().size()) {
                    return null;
                }
                if (branches.size() == 1) {
                    return avroValue(name, value, branches.get(0));
                }
            }
            case STRING -> {
                if (logicalName == null || logicalName.equals("uuid")) {
                    String text = text(name, value, MAX_SCHEMA_TEXT_LENGTH,
                            FreeText.Form.forMaxLength(MAX_SCHEMA_TEXT_LENGTH));
                    return text == null ? INVALID : logicalName == null ? text : uuid(name, text);
                }
            }
            case INT -> {
                if ("date".equals(logicalName)) {
                    LocalDate date = date(name, value);
                    return date == null ? INVALID : date;
                }
                if (logicalName == null) {
                    if (value.isIntegralNumber() && value.canConvertToInt()) {
                        return value.intValue();
                    }
                    reject(name, "must be a whole number, was " + shown(value));
                    return INVALID;
                }
            }
            case LONG -> {
                if ("timestamp-millis".equals(logicalName) || "timestamp-micros".equals(logicalName)) {
                    Instant instant = instant(name, value);
                    ChronoUnit precision = logicalName.equals("timestamp-millis") ? ChronoUnit.MILLIS : ChronoUnit.MICROS;
                    return instant == null ? INVALID : instant.truncatedTo(precision);
                }
                if (logicalName == null) {
                    if (value.isIntegralNumber() && value.canConvertToLong()) {
                        return value.longValue();
                    }
                    reject(name, "must be a whole number, was " + shown(value));
                    return INVALID;
                }
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                reject(name, "must be true or false, was " + shown(value));
                return INVALID;
            }
            case DOUBLE, FLOAT -> {
                if (logicalName == null && value.isNumber()) {
                    return schema.getType() == Schema.Type.DOUBLE ? (Object) value.doubleValue()
                            : (Object) value.floatValue();
                }
                if (logicalName == null) {
                    reject(name, "must be a number, was " + shown(value));
                    return INVALID;
                }
            }
            case ENUM -> {
                Object symbol = enumSymbol(name, value, schema);
                return symbol == null ? INVALID : symbol;
            }
            case ARRAY -> {
                if (!value.isArray()) {
                    reject(name, "must be a list, was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
                    return INVALID;
                }
                List<Object> elements = new ArrayList<>();
                boolean valid = true;
                for (int i = 0; i < value.size(); i++) {
                    Object element = avroValue(name + "[" + i + "]", value.get(i), schema.getElementType());
                    valid &= element != INVALID;
                    elements.add(element);
                }
                return valid ? elements : INVALID;
            }
            default -> {
                // records, maps, bytes, fixed: no JSON reading yet; refused below
            }
        }
        String type = schema.getType().getName() + (logicalName == null ? "" : " " + logicalName);
        reject(name, "cannot be given to the gateway yet: its schema type (" + type + ") has no JSON reading; "
                + "the command's mapper must read it");
        return INVALID;
    }

    /** A date-time with an offset, within {@link TimeRange}; {@code null} (violation recorded) otherwise. */
    private Instant instant(String name, JsonNode value) {
        Instant instant = null;
        if (value.isTextual()) {
            try {
                instant = OffsetDateTime.parse(value.textValue()).toInstant();
            } catch (DateTimeException e) {
                // reported below
            }
        }
        if (instant == null) {
            reject(name, "must be a date-time with a UTC offset, e.g. 2024-05-01T08:00:00Z, was " + shown(value));
            return null;
        }
        Optional<String> fault = TimeRange.faultOf(instant);
        fault.ifPresent(message -> reject(name, message));
        return fault.isPresent() ? null : instant;
    }

    private Object uuid(String name, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            reject(name, "must be a UUID, was '" + ClientValue.shown(text) + "'");
            return INVALID;
        }
    }

    /** A symbol of the enum generated from an Avro enum schema, read as {@link #requiredEnum} reads one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumSymbol(String name, JsonNode value, Schema schema) {
        Class<?> type = SpecificData.get().getClass(schema);
        if (type == null || !type.isEnum()) {
            throw new IllegalStateException("No generated enum for " + schema.getFullName());
        }
        return symbol(name, value, (Class) type);
    }

    private Instant readOccurredAt() {
        JsonNode value = node.get(OCCURRED_AT);
        if (absent(value)) {
            return null;
        }
        Instant instant = instant(OCCURRED_AT, value);
        if (instant == null) {
            return null;
        }
        if (instant.isAfter(request.receivedAt().plus(MAX_CLOCK_SKEW))) {
            reject(OCCURRED_AT, "must not be in the future (gateway time " + request.receivedAt().truncatedTo(ChronoUnit.SECONDS)
                    + "); it is when the fact happened");
            return null;
        }
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private List<JsonNode> requiredArray(String name, int maxSize) {
        JsonNode value = field(name);
        if (absent(value)) {
            reject(name, "is required; a list of at least one");
            return null;
        }
        if (!value.isArray()) {
            reject(name, "must be a list, was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        if (value.isEmpty()) {
            reject(name, "must list at least one");
            return null;
        }
        if (value.size() > maxSize) {
            reject(name, "must list at most " + maxSize + ", listed " + value.size());
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    private String requiredText(String name, int maxLength, FreeText.Form form) {
        JsonNode value = field(name);
        if (absent(value)) {
            reject(name, "is required");
            return null;
        }
        return text(name, value, maxLength, form);
    }

    private String optionalText(String name, int maxLength, FreeText.Form form) {
        JsonNode value = field(name);
        return absent(value) ? null : text(name, value, maxLength, form);
    }

    /** A string in its stored form (see {@link FreeText}) within the limit; {@code null} (violation recorded) if not. */
    private String text(String name, JsonNode value, int maxLength, FreeText.Form form) {
        if (!value.isTextual()) {
            reject(name, "must be a string, was " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        String text = FreeText.normalised(value.textValue(), form);
        Optional<String> fault = FreeText.faultOf(text, form);
        if (fault.isPresent()) {
            reject(name, fault.get());
            return null;
        }
        if (text.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters, was " + text.length());
            return null;
        }
        return text;
    }

    /** The partner id the text is, or {@code null} with the field rejected, saying the rule. */
    private PartnerId partnerId(String name, String value) {
        if (!PartnerId.isValid(value)) {
            reject(name, PartnerId.RULE + ", was '" + ClientValue.shown(value) + "'");
            return null;
        }
        return PartnerId.parse(value);
    }

    private String matching(String name, String value, Pattern pattern, String rule) {
        if (!pattern.matcher(value).matches()) {
            reject(name, rule + ", was '" + ClientValue.shown(value) + "'");
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E symbol(String name, JsonNode value, Class<E> type) {
        if (value.isTextual() && !value.textValue().equals(UNKNOWN_SYMBOL)) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        reject(name, "must be one of " + allowedSymbols(type) + ", was " + shown(value));
        return null;
    }

    /** A calendar date within {@link TimeRange}; {@code null} (violation recorded) otherwise. */
    private LocalDate date(String name, JsonNode value) {
        LocalDate date = null;
        if (value.isTextual()) {
            try {
                date = LocalDate.parse(value.textValue());
            } catch (DateTimeException e) {
                // reported below
            }
        }
        if (date == null) {
            reject(name, "must be a date as YYYY-MM-DD, was " + shown(value));
            return null;
        }
        Optional<String> fault = TimeRange.faultOf(date);
        fault.ifPresent(message -> reject(name, message));
        return fault.isPresent() ? null : date;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    /**
     * A value as the client sent it, quoted if a string, for "was ..." in a message. An object or a list is
     * named, not written out: a structure cut at 80 characters says nothing, and writing one nested a thousand
     * levels deep only to cut it would be work for nothing.
     */
    private static String shown(JsonNode value) {
        if (value.isTextual()) {
            return "'" + ClientValue.shown(value.textValue()) + "'";
        }
        if (value.isContainerNode()) {
            return value.isArray() ? "a list" : "an object";
        }
        return ClientValue.shown(value.toString());
    }
}
