package org.pfptracker.registry.client;

import java.util.List;

/**
 * The result of a compatibility check.
 *
 * @param compatible whether the schema passes the subject's compatibility level
 * @param messages   the registry's reasons when it does not; empty unless asked for verbosely
 */
public record CompatibilityCheck(boolean compatible, List<String> messages) {

    /** Copies the messages; null becomes empty. */
    public CompatibilityCheck {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
