/**
 * The live dashboard served by the tracker at {@code /}: plain HTML, CSS and ES modules with the charting
 * library from a WebJar, reading the public query API and following the change stream. Also the browsable
 * API docs at {@code /docs}.
 */
package org.pfptracker.tracker.dashboard;
