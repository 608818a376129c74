/**
 * The simulator's public API: {@link org.pfptracker.simulator.Simulator} publishes a seeded history of
 * Partnership for Peace cooperation described by a {@link org.pfptracker.simulator.SimulationPlan}
 * (seed, period, scale), first as a backfill ({@link org.pfptracker.simulator.BackfillResult}), then,
 * if asked, live at a {@link org.pfptracker.simulator.LivePace} ({@link org.pfptracker.simulator.LiveResult},
 * {@link org.pfptracker.simulator.LiveRun}). Sub-packages: {@code history} (the generator, pure and
 * lazy), {@code run} (how events are published: back-pressure, pacing, live time stamps), {@code progress}
 * (what a person sees meanwhile), {@code config} (settings).
 */
package org.pfptracker.simulator;
