package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;

/**
 * A view as the API serves it, kept ready (stores {@code partner-views} and {@code partner-summaries}):
 * the date it was built for, and its JSON. A query for that date copies the bytes out; nothing is
 * computed or encoded per request.
 *
 * @param asOf the date the view was built for
 * @param json the view's JSON, as served
 */
public record MaterialisedView(LocalDate asOf, byte[] json) {

    public static final StateCodec<MaterialisedView> CODEC = new StateCodec<>() {
        @Override
        public void write(MaterialisedView view, StateWriter out) throws IOException {
            out.writeNullableDate(view.asOf);
            out.writeBytes(view.json);
        }

        @Override
        public MaterialisedView read(StateReader in) throws IOException {
            return new MaterialisedView(in.readNullableDate(), in.readBytes());
        }
    };

    @Override
    public boolean equals(Object other) {
        return other instanceof MaterialisedView view && view.asOf.equals(asOf) && Arrays.equals(view.json, json);
    }

    @Override
    public int hashCode() {
        return 31 * asOf.hashCode() + Arrays.hashCode(json);
    }

    @Override
    public String toString() {
        return "MaterialisedView[asOf=" + asOf + ", " + json.length + " bytes]";
    }
}
