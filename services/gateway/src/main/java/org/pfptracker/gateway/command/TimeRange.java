package org.pfptracker.gateway.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one range every date and instant of a command must fall in: from 1970-01-01 to 9999-12-31 (UTC),
 * whatever the field (an event time, a join, a plan, a period, a target). {@link CommandBody} checks it on
 * every date and date-time it reads, those a mapper reads and those only the schema knows alike.
 *
 * <p>Why these bounds:
 * <ul>
 *   <li>1970-01-01: an event's occurredAt becomes its Kafka record timestamp, which cannot be negative
 *       (the producer refuses it, so the gateway answered 500). One lower bound for dates too keeps the rule
 *       easy to state, and loses nothing real: Partnership for Peace began in 1994, so no fact it records
 *       is older.</li>
 *   <li>9999-12-31: the last day with a four-digit year. RFC 3339 and ISO 8601's basic form (what OpenAPI's
 *       {@code date} and {@code date-time} mean) stop there; beyond it Java writes {@code +10000-01-01},
 *       which JavaScript's {@code Date} cannot read (the dashboard showed "Invalid time value"); and it keeps
 *       every value far inside Avro's {@code date} (an int of days, which silently wrapped year 999999999
 *       to 466210) and {@code timestamp-millis} (a long, which overflowed and answered 500).</li>
 * </ul>
 */
final class TimeRange {

    static final LocalDate FIRST_DAY = LocalDate.EPOCH;
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The last millisecond of the last day: Avro's timestamp-millis keeps no finer. */
    static final Instant LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);

    private TimeRange() {
    }

    /** What is wrong with a date, for a client; empty when it is in range. */
    static Optional<String> faultOf(LocalDate date) {
        return date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)
                ? Optional.of("must be from " + FIRST_DAY + " to " + LAST_DAY + ", was " + date)
                : Optional.empty();
    }

    /** What is wrong with an instant, for a client; empty when it is in range. */
    static Optional<String> faultOf(Instant instant) {
        return instant.isBefore(FIRST_INSTANT) || instant.isAfter(LAST_INSTANT)
                ? Optional.of("must be from " + FIRST_INSTANT + " to " + LAST_INSTANT + ", was " + instant)
                : Optional.empty();
    }
}
