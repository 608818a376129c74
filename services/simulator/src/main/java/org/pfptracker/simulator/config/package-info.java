/** The simulator's settings, declared once with defaults and documentation. */
package org.pfptracker.simulator.config;
