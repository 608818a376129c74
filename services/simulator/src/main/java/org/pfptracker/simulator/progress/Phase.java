package org.pfptracker.simulator.progress;

/** The two ways the simulator publishes. */
public enum Phase {
    /** History up to the plan's end, as fast as the cluster takes it. */
    BACKFILL,
    /** The history going on, at a steady rate, stamped with the wall clock. */
    LIVE
}
