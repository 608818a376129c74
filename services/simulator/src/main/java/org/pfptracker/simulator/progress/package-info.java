/**
 * Progress of a run, for people: {@link org.pfptracker.simulator.progress.Progress} snapshots given to a
 * {@link org.pfptracker.simulator.progress.ProgressListener}, drawn as a bar on a terminal or logged as
 * lines elsewhere ({@link org.pfptracker.simulator.progress.ConsoleProgress} chooses).
 */
package org.pfptracker.simulator.progress;
