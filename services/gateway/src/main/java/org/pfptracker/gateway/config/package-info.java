/** The gateway's settings, each declared once with its default and documentation. */
package org.pfptracker.gateway.config;
