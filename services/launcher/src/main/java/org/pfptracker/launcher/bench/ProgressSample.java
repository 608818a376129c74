package org.pfptracker.launcher.bench;

/**
 * One look at an application's committed offsets.
 *
 * @param elapsedNanos time since the application was started
 * @param consumed records of the backlog committed past by then
 */
record ProgressSample(long elapsedNanos, long consumed) {
}
