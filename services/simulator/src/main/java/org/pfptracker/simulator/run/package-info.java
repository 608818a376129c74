/**
 * How a history reaches Kafka, used by {@link org.pfptracker.simulator.Simulator}: a bounded window of
 * publishes in flight ({@link org.pfptracker.simulator.run.Publication}), the backfill and live drivers,
 * the live beat ({@code Pacer}) and the move of live events to the wall clock ({@code EventTimeShift}).
 */
package org.pfptracker.simulator.run;
