/**
 * pfp-tracker's Kafka security, declared once for the local stack's broker, the test clusters
 * and real clusters: who the users are and what each may do
 * ({@link org.pfptracker.kafka.embedded.security.KafkaPrincipal},
 * {@link org.pfptracker.kafka.embedded.security.AccessPolicy}), how a cluster is made to enforce
 * it ({@link org.pfptracker.kafka.embedded.security.AclReconciler},
 * {@link org.pfptracker.kafka.embedded.security.ScramUsers}), and the material a secured node
 * and its clients need: random passwords
 * ({@link org.pfptracker.kafka.embedded.security.Credentials}), TLS stores signed by a
 * certificate authority made at run time
 * ({@link org.pfptracker.kafka.embedded.security.TlsStores}), the brokers' settings
 * ({@link org.pfptracker.kafka.embedded.security.ServerSecurity}) and each principal's client
 * settings ({@link org.pfptracker.kafka.embedded.security.ClientSecurity}).
 *
 * <p>Every listener speaks SASL_SSL; clients and brokers log in with SCRAM-SHA-512, brokers to
 * controllers with PLAIN; KRaft's {@code StandardAuthorizer} allows nothing without an ACL.
 * {@code docs/kafka-security.md} explains the choices and gives the equivalent commands for a
 * real cluster.
 */
package org.pfptracker.kafka.embedded.security;
