package org.baraza.sim.internal.call;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baraza.sim.internal.loop.Timer;

/** What plays or records on a leg beside its applications: uuid_displace and uuid_record. Switch thread only. */
final class MediaOnLeg {
    record Displacing(String file, Timer end) {
    }

    record Recording(String path, long startedMicros, Timer limit) {
    }

    final Map<String, Displacing> displacing = new LinkedHashMap<>();
    final Map<String, Recording> recording = new LinkedHashMap<>();
}
