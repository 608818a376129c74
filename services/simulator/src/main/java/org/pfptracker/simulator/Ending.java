package org.pfptracker.simulator;

/** Why a backfill or a live run ended. */
public enum Ending {
    /** The backfill reached the plan's end. */
    END_OF_PERIOD,
    /** The run published the number of events it was asked for. */
    MAX_EVENTS,
    /** The live run ran for the time it was given. */
    MAX_DURATION,
    /** Someone called {@link Simulator#stop()} (e.g. Ctrl-C). */
    STOPPED,
    /** Every partner stopped cooperating: the history has nothing more to tell. */
    END_OF_HISTORY
}
