package org.pfptracker.simulator.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.pfptracker.platform.event.Events;

/**
 * Moves an event to another moment: its event time becomes that moment, and every calendar date it
 * carries (a planned start, an exercise's days, a programme's period, an objective's target date)
 * moves by the same number of days. The event then reads as it would had it happened at that moment:
 * a proposal made today still plans to start in two months.
 *
 * <p>It walks the Avro schema rather than knowing each event type, so an event type added to the
 * contract is moved correctly without touching this class. It changes the event in place: the
 * simulator owns the events it generates.
 */
final class EventTimeShift {

    private EventTimeShift() {
    }

    static void moveTo(SpecificRecord event, Instant moment) {
        Instant original = Events.metadataOf(event).getOccurredAt();
        long millis = moment.toEpochMilli() - original.toEpochMilli();
        long days = ChronoUnit.DAYS.between(original.atOffset(ZoneOffset.UTC).toLocalDate(),
                moment.atOffset(ZoneOffset.UTC).toLocalDate());
        shiftRecord(event, millis, days);
    }

    private static void shiftRecord(SpecificRecord record, long millis, long days) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            Object shifted = shift(value, millis, days);
            if (shifted != value) {
                record.put(field.pos(), shifted);
            }
        }
    }

    /** The shifted value, or the same instance when nothing in it is a time (records change in place). */
    private static Object shift(Object value, long millis, long days) {
        if (value instanceof Instant instant) {
            return instant.plusMillis(millis);
        }
        if (value instanceof LocalDate date) {
            return date.plusDays(days);
        }
        if (value instanceof SpecificRecord nested) {
            shiftRecord(nested, millis, days);
            return nested;
        }
        if (value instanceof List<?> list) {
            List<Object> shifted = null;
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                Object moved = shift(element, millis, days);
                if (moved != element && shifted == null) {
                    shifted = new ArrayList<>(list);
                }
                if (shifted != null) {
                    shifted.set(i, moved);
                }
            }
            return shifted == null ? list : shifted;
        }
        return value;
    }
}
