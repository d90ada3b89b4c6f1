package org.baraza.core.ops;

/**
 * What the server's health check and metrics read from the database: whether it answers, and a few counts.
 * Each call is one short query. Thread-safe and stateless.
 */
public interface OpsQueries {

    /** Whether the database answers a trivial query within a second. Never throws. */
    boolean ping();

    /** Calls ever logged: a counter (the call log keeps its history). */
    long callsLogged();

    /** Calls not ended yet. */
    long callsOpen();

    /** Airings on air now, on every station. */
    long airingsOnAir();

    /** Airings that have ended as aired or partial: a counter. */
    long airingsAired();

    /** Outbound SMS waiting in the outbox. */
    long outboxDepth();
}
