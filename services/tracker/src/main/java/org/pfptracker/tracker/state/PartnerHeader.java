package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.LocalDate;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;

/**
 * What the tracker keeps about a partner's materialised view (store {@code partner-headers}).
 *
 * @param changes events that changed the partner's facts since its view was last built: build it at the
 *     next refresh. Kept in the store, not in memory, so the mark commits with the facts: a crash between
 *     the two cannot leave a view behind its facts. Many changes between two refreshes mean a backlog is
 *     being read, and the view is then built less often
 * @param builtFor the date the current view was built for; {@code null} before the first build. A view
 *     built for another date than today is rebuilt, as its calendar-bound parts have moved
 * @param builtAt when (wall clock, epoch milliseconds) the view was last built
 * @param announcedPace the pace phase last announced on the signals topic; {@code null} before any
 */
public record PartnerHeader(int changes, LocalDate builtFor, long builtAt, String announcedPace) {

    public static final PartnerHeader NEW = new PartnerHeader(0, null, 0, null);

    public static final StateCodec<PartnerHeader> CODEC = new StateCodec<>() {
        @Override
        public void write(PartnerHeader header, StateWriter out) throws IOException {
            out.writeInt(header.changes);
            out.writeNullableDate(header.builtFor);
            out.writeLong(header.builtAt);
            out.writeNullableString(header.announcedPace);
        }

        @Override
        public PartnerHeader read(StateReader in) throws IOException {
            return new PartnerHeader(in.readInt(), in.readNullableDate(), in.readLong(), in.readNullableString());
        }
    };

    public boolean changed() {
        return changes > 0;
    }

    public PartnerHeader plusChange() {
        return new PartnerHeader(changes + 1, builtFor, builtAt, announcedPace);
    }

    public PartnerHeader built(LocalDate day, long at, String pace) {
        return new PartnerHeader(0, day, at, pace);
    }
}
