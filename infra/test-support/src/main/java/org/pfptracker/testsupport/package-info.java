/**
 * What the integration tests of pfp-tracker share, by concern: {@code system} (a registry and the topics on a
 * {@code @WithKafka} cluster), {@code http} (local tokens and a client for our APIs), {@code event} (builders of
 * catalogue events), {@code process} (child JVMs on free ports) and {@code browser} (headless Chromium).
 * Consumers depend on this module in test scope.
 */
package org.pfptracker.testsupport;
