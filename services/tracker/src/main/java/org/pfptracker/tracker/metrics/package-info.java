/** The operator's view of a tracker instance: its meters, scraped in Prometheus format at {@code GET /metrics}. */
package org.pfptracker.tracker.metrics;
