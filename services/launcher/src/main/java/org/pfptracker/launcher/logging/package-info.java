/** How pfp processes log: Kafka noise that is known to be harmless kept from operators and users. */
package org.pfptracker.launcher.logging;
