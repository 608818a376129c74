package org.pfptracker.registry.client;

/**
 * A subject and one of its versions.
 *
 * @param subject the subject
 * @param version the version, from 1
 */
public record SubjectVersion(String subject, int version) {
}
