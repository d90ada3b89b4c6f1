package org.baraza.daemon.schedule;

import java.time.Duration;
import java.time.Instant;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;

/**
 * One of an airing's moments, fired by Quartz: remind (text its hosts and subscribers), prepare (dial the
 * transmitter, open the conference), start, a warning before the end, end.
 *
 * @param remaining    for a warning, how long the slot has left; zero otherwise
 * @param scheduledFor when it was due; a trigger fired after a daemon was down is later than this
 */
public record AiringTrigger(StationId station, AiringId airing, Phase phase, Duration remaining, Instant scheduledFor) {

    public enum Phase { REMIND, PREPARE, START, WARNING, END }
}
