/**
 * How the client turns its {@link org.pfptracker.registry.client.auth.RegistryCredentials} into an
 * {@code Authorization} header on each request, fetching and renewing OAuth tokens on the way, and
 * keeping every secret out of messages. Internal: other modules use the {@code auth} package.
 */
package org.pfptracker.registry.client.auth.internals;
