/** Where events go, and which failures to publish a client should retry. */
package org.pfptracker.gateway.delivery;
