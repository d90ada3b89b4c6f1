package org.baraza.core.airing;

import java.time.Instant;

import org.baraza.core.Ids.AiringId;

/** A line of an airing's log that explains what happened: a late join, an unreachable transmitter, a skipped file. */
public record AiringNote(long id, AiringId airingId, Instant at, String text) {
}
