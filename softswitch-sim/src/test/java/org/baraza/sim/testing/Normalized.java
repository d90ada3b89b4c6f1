package org.baraza.sim.testing;

import java.util.regex.Pattern;

/**
 * Reply texts with what legitimately differs between a recording and a simulation replaced by placeholders:
 * uuids, dates and epochs, run times, the host name, the webhook's port.
 */
public final class Normalized {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern EPOCH = Pattern.compile("\"1\\d{9}\"");
    private static final Pattern TIMES = Pattern.compile("\"(run_time|join_time|last_talking)\":\t\\d+");

    private Normalized() {
    }

    public static String text(String s) {
        String out = UUID.matcher(s).replaceAll("<uuid>");
        out = DATE.matcher(out).replaceAll("<date>");
        out = EPOCH.matcher(out).replaceAll("\"<epoch>\"");
        out = TIMES.matcher(out).replaceAll("\"$1\":\t<n>");
        // Member ids are numbered across the switch's life; a recording made after other sessions starts higher.
        out = out.replaceAll("(?m)^\\d+;(loopback|sofia)/", "<id>;$1/");
        out = out.replaceAll("http://127\\.0\\.0\\.1:\\d+/httapi", "<webhook>");
        return out.replace("\"hostname\":\"vm\"", "\"hostname\":\"<host>\"")
                .replace("\"hostname\":\"baraza-sim\"", "\"hostname\":\"<host>\"");
    }
}
