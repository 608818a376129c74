package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.LocalDate;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;

/**
 * What the tracker keeps about a partner's materialised view (store {@code partner-headers}).
 *
 * @param changed facts changed since its view was last built: build it at the next refresh. Kept in
 *     the store, not in memory, so the mark commits with the facts: a crash between the two cannot leave
 *     a view behind its facts
 * @param builtFor the date the current view was built for; {@code null} before the first build. A view
 *     built for another date than today is rebuilt, as its calendar-bound parts have moved
 * @param announcedPace the pace phase last announced on the signals topic; {@code null} before any
 */
public record PartnerHeader(boolean changed, LocalDate builtFor, String announcedPace) {

    public static final PartnerHeader NEW = new PartnerHeader(true, null, null);

    public static final StateCodec<PartnerHeader> CODEC = new StateCodec<>() {
        @Override
        public void write(PartnerHeader header, StateWriter out) throws IOException {
            out.writeBoolean(header.changed);
            out.writeNullableDate(header.builtFor);
            out.writeNullableString(header.announcedPace);
        }

        @Override
        public PartnerHeader read(StateReader in) throws IOException {
            return new PartnerHeader(in.readBoolean(), in.readNullableDate(), in.readNullableString());
        }
    };

    public PartnerHeader markChanged() {
        return changed ? this : new PartnerHeader(true, builtFor, announcedPace);
    }

    public PartnerHeader built(LocalDate day, String pace) {
        return new PartnerHeader(false, day, pace);
    }
}
