/**
 * The HTTP layer every pfp server shares. {@code access}: who is calling (an OIDC bearer token, checked
 * against the issuer's keys) and what they may do. {@code issuer}: the local issuer that lets the
 * embedded stack run with access control on. {@code server}: how a server listens (limits and timeouts
 * against slow and greedy clients, HTTPS with HSTS) and how it answers what Jetty refuses.
 */
package org.pfptracker.http;
