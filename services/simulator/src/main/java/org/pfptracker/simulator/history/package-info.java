/**
 * The history generator: {@link org.pfptracker.simulator.history.HistoryGenerator} turns a plan into
 * events, lazily, in event-time order, the same events for the same plan. Everything else here is its
 * inside: a queue of due steps ({@code Agenda}), seeded random streams ({@code SimRandom}), working hours
 * ({@code WorkingTime}), the numbers of the model with their reasons ({@code CooperationModel}) and one
 * process per part of the story (membership, pace, activities, exercises, programmes).
 */
package org.pfptracker.simulator.history;
