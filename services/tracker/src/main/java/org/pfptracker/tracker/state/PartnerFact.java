package org.pfptracker.tracker.state;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.pfptracker.tracker.state.codec.StateCodec;
import org.pfptracker.tracker.state.codec.StateReader;
import org.pfptracker.tracker.state.codec.StateWriter;
import org.pfptracker.tracker.state.index.IndexKeys;

/**
 * One statement about a partner as a whole (store {@code partner-facts}): who it is, its status, its
 * chosen priorities and pace. Each is kept under a key that sorts by its stamp
 * ({@code partnerId/<kind>/<time>/<eventId>}), so the one in force as of a date is one reverse seek
 * away, and a redelivered event lands on its own key again.
 */
public sealed interface PartnerFact {

    Stamp stamp();

    /** The letter of its kind in the key. */
    char kind();

    /** The partner's identity from a PartnerJoined. */
    record Profile(String name, String framework, LocalDate joinedOn, Stamp stamp) implements PartnerFact {
        public char kind() {
            return 'J';
        }
    }

    /** The partner's status from a PartnerStatusChanged. */
    record Status(String status, LocalDate effectiveOn, String reason, Stamp stamp) implements PartnerFact {
        public char kind() {
            return 'S';
        }
    }

    /** The partner's chosen priorities (highest first) and pace, from a PrioritiesChosen. */
    record Priorities(List<String> areas, int targetCompletedActivitiesPerYear, Stamp stamp) implements PartnerFact {
        public Priorities {
            areas = List.copyOf(areas);
        }

        public char kind() {
            return 'P';
        }
    }

    /** The key of a fact: its partner, kind and stamp. */
    static String key(String partnerId, PartnerFact fact) {
        return keyPrefix(partnerId, fact.kind()) + IndexKeys.instant(fact.stamp().at()) + IndexKeys.SEPARATOR
                + fact.stamp().eventId();
    }

    /** Every key of one kind of fact of a partner starts with this. */
    static String keyPrefix(String partnerId, char kind) {
        return partnerId + IndexKeys.SEPARATOR + kind + IndexKeys.SEPARATOR;
    }

    StateCodec<PartnerFact> CODEC = new StateCodec<>() {
        @Override
        public void write(PartnerFact fact, StateWriter out) throws IOException {
            out.writeInt(fact.kind());
            Stamp.CODEC.write(fact.stamp(), out);
            if (fact instanceof Profile profile) {
                out.writeString(profile.name());
                out.writeString(profile.framework());
                out.writeNullableDate(profile.joinedOn());
            } else if (fact instanceof Status status) {
                out.writeString(status.status());
                out.writeNullableDate(status.effectiveOn());
                out.writeNullableString(status.reason());
            } else if (fact instanceof Priorities priorities) {
                out.writeStrings(priorities.areas());
                out.writeInt(priorities.targetCompletedActivitiesPerYear());
            }
        }

        @Override
        public PartnerFact read(StateReader in) throws IOException {
            char kind = (char) in.readInt();
            Stamp stamp = Stamp.CODEC.read(in);
            return switch (kind) {
                case 'J' -> new Profile(in.readString(), in.readString(), in.readNullableDate(), stamp);
                case 'S' -> new Status(in.readString(), in.readNullableDate(), in.readNullableString(), stamp);
                case 'P' -> new Priorities(in.readStrings(), in.readInt(), stamp);
                default -> throw new IOException("unknown partner fact kind '" + kind + "'");
            };
        }
    };
}
