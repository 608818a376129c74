/**
 * Commands and the events they become: each {@link org.pfptracker.gateway.command.Command} reads and checks
 * a JSON body through {@link org.pfptracker.gateway.command.CommandBody}, reporting every violation at
 * once, and builds its event only when there is none. The same rules hold for every date and every text
 * of every command ({@link org.pfptracker.gateway.command.TimeRange},
 * {@link org.pfptracker.gateway.command.FreeText}). No HTTP here.
 */
package org.pfptracker.gateway.command;
