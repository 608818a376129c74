package org.pfptracker.simulator.run;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/** Events sent, per type: what a summary breaks a run down into. Used by the sending thread only. */
final class EventTally {

    private final Map<String, long[]> counts = new HashMap<>();

    void add(SpecificRecord event) {
        counts.computeIfAbsent(event.getSchema().getName(), type -> new long[1])[0]++;
    }

    /** Per type, in name order. */
    Map<String, Long> byType() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((type, count) -> sorted.put(type, count[0]));
        return sorted;
    }
}
