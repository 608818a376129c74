package org.pfptracker.gateway.command;

import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns one kind of command into its event, in two steps: {@link #read} reads and checks every field,
 * recording each violation in the body; the returned supplier builds the event and is called only when
 * nothing was violated, so it never sees a missing or malformed value.
 */
@FunctionalInterface
public interface CommandMapper {

    Supplier<? extends SpecificRecord> read(CommandRequest request, CommandBody body);
}
