package org.pfptracker.simulator.progress;

/**
 * Told how a run is going, on the run's own thread, at most ten times a second: an implementation
 * decides how often to show it, and must be quick.
 */
public interface ProgressListener {

    void onProgress(Progress progress);

    /** The run is over (finished, stopped or failed); {@code progress} is the last word on it. */
    default void onFinished(Progress progress) {
        onProgress(progress);
    }

    /** Tells nobody. */
    static ProgressListener none() {
        return progress -> { };
    }
}
