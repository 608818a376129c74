/** The partners the gateway knows, read from the partners topic and learnt from its own accepted joins. */
package org.pfptracker.gateway.partner;
