package org.pfptracker.tracker.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pfptracker.core.partner.InvalidPartnerIdException;
import org.pfptracker.core.partner.PartnerId;
import org.pfptracker.tracker.query.PartnerListQuery;
import org.pfptracker.tracker.query.PartnerSort;
import org.pfptracker.tracker.query.Quarter;
import org.pfptracker.tracker.query.QuarterRange;
import org.pfptracker.tracker.query.SortOrder;

/**
 * Reads and checks a request's parameters. Anything wrong is answered 400 with a problem naming the
 * parameter, before any store is read or any other instance asked.
 */
final class RequestParameters {

    static final String PARTNER_ID = "partnerId";
    static final String PROGRAMME_ID = "programmeId";
    static final String AS_OF = "asOf";
    static final String FROM = "from";
    static final String TO = "to";
    static final String FRAMEWORK = "framework";
    static final String STATUS = "status";
    static final String PACE_STATUS = "paceStatus";
    static final String SORT = "sort";
    static final String ORDER = "order";

    /** Partner ids are lower-case words joined by hyphens, e.g. "bosnia-and-herzegovina". */
    /** Programme ids come from upstream systems: letters, digits and a few separators, e.g. "GEO-PARP-2024". */
    private static final Pattern PROGRAMME_ID_FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 9999;

    private final Map<String, String> path;
    private final Map<String, List<String>> query;

    RequestParameters(Map<String, String> path, Map<String, List<String>> query) {
        this.path = Map.copyOf(path);
        this.query = Map.copyOf(query);
    }

    static RequestParameters of(Context ctx) {
        return new RequestParameters(ctx.pathParamMap(), ctx.queryParamMap());
    }

    /** Refuses query parameters other than these: a misspelt filter must not silently list everything. */
    RequestParameters allowOnly(String... names) {
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(names));
        query.keySet().stream().filter(name -> !allowed.contains(name)).sorted().findFirst().ifPresent(name -> {
            throw Refusals.badParameter(name, "Unknown query parameter '" + name + "'; this endpoint accepts "
                    + (allowed.isEmpty() ? "none" : String.join(", ", allowed)));
        });
        return this;
    }

    /** Whether the text is a well-formed partner id (and so safe to log as it is). */
    static boolean isPartnerId(String text) {
        return PartnerId.isValid(text);
    }

    /** The partner the URL names; a 400 naming the parameter and the rule when it names none. */
    PartnerId partnerId() {
        try {
            return PartnerId.parse(path.get(PARTNER_ID));
        } catch (InvalidPartnerIdException e) {
            throw Refusals.badParameter(PARTNER_ID, "partnerId " + e.getMessage());
        }
    }

    String programmeId() {
        String programmeId = path.get(PROGRAMME_ID);
        if (programmeId == null || !PROGRAMME_ID_FORMAT.matcher(programmeId).matches()) {
            throw Refusals.badParameter(PROGRAMME_ID, "programmeId '" + programmeId
                    + "' must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return programmeId;
    }

    /** The as-of date, {@code today} when not given. */
    LocalDate asOf(LocalDate today) {
        return single(AS_OF).map(RequestParameters::date).orElse(today);
    }

    /** The quarters asked for; {@code to} defaults to the as-of date's quarter, {@code from} is left open. */
    QuarterRange quarters(LocalDate asOf) {
        Quarter from = single(FROM).map(value -> quarter(FROM, value)).orElse(null);
        Quarter to = single(TO).map(value -> quarter(TO, value)).orElse(Quarter.of(asOf));
        try {
            return new QuarterRange(from, to);
        } catch (IllegalArgumentException e) {
            throw Refusals.badParameter(FROM, e.getMessage()
                    + (query.containsKey(TO) ? "" : " (to defaults to the quarter of asOf)"));
        }
    }

    PartnerListQuery partnerListQuery() {
        return new PartnerListQuery(
                values(FRAMEWORK, PartnerListQuery.FRAMEWORKS),
                values(STATUS, PartnerListQuery.STATUSES),
                values(PACE_STATUS, PartnerListQuery.PACE_STATUSES),
                choice(SORT, PartnerSort.class, PartnerSort.NAME),
                choice(ORDER, SortOrder.class, SortOrder.ASC));
    }

    private static LocalDate date(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusals.badParameter(AS_OF, "asOf '" + value + "' is not a date written YYYY-MM-DD, e.g. 2024-06-30");
        }
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw Refusals.badParameter(AS_OF, "asOf '" + value + "' must be in the years " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return date;
    }

    private static Quarter quarter(String parameter, String value) {
        try {
            return Quarter.parse(value);
        } catch (IllegalArgumentException e) {
            throw Refusals.badParameter(parameter, parameter + ": " + e.getMessage());
        }
    }

    /** A filter's values: the parameter repeated and/or comma separated, case-insensitive. */
    private Set<String> values(String parameter, Set<String> allowed) {
        Set<String> values = new LinkedHashSet<>();
        for (String given : query.getOrDefault(parameter, List.of())) {
            for (String value : given.split(",", -1)) {
                String normalised = value.trim().toUpperCase(Locale.ROOT);
                if (!allowed.contains(normalised)) {
                    throw Refusals.badParameter(parameter, parameter + " '" + value.trim() + "' is not one of "
                            + String.join(", ", allowed));
                }
                values.add(normalised);
            }
        }
        return values;
    }

    private <E extends Enum<E>> E choice(String parameter, Class<E> type, E fallback) {
        return single(parameter).map(value -> {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusals.badParameter(parameter, parameter + " '" + value + "' is not one of "
                        + String.join(", ", Arrays.stream(type.getEnumConstants())
                                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList()));
            }
        }).orElse(fallback);
    }

    /** A parameter given at most once; an empty value is a mistake, not an absence. */
    private Optional<String> single(String parameter) {
        List<String> values = query.getOrDefault(parameter, List.of());
        if (values.size() > 1) {
            throw Refusals.badParameter(parameter, parameter + " is given " + values.size() + " times; give it once");
        }
        if (values.size() == 1 && values.get(0).isBlank()) {
            throw Refusals.badParameter(parameter, parameter + " is empty; leave it out for the default");
        }
        return values.stream().findFirst();
    }
}
