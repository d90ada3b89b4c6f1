package org.baraza.server.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A time window a list asks for, from the {@code from} and {@code to} query parameters (ISO-8601 instants), around
 * now when they are missing, and at most {@link #LONGEST} long so that one request cannot read years of history.
 */
record Window(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(366);

    static Window of(ApiRequest request, Duration before, Duration after) {
        Instant now = request.now();
        Instant from = request.instant("from", now.minus(before));
        Instant to = request.instant("to", now.plus(after));
        if (!to.isAfter(from)) {
            throw ApiProblem.badRequest("to (" + to + ") must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw ApiProblem.badRequest("a window is at most " + LONGEST.toDays() + " days; ask for several");
        }
        return new Window(from, to);
    }
}
