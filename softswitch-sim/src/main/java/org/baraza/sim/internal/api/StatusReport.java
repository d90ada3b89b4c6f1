package org.baraza.sim.internal.api;

import java.time.Duration;

/** The text of {@code status}, line for line as FreeSWITCH 1.10.12 prints it (see the status scenario). */
public final class StatusReport {
    static final String VERSION = "1.10.12-release git a88d069 2024-08-02 21:02:27Z 64bit";
    /** The version string of HEARTBEAT's FreeSWITCH-Version and of {@code version}. */
    public static final String BUILD = "1.10.12-release+git~20240802T210227Z~a88d069d6f~64bit";

    private StatusReport() {
    }

    static String render(Duration uptime, int sinceStartup, int current, int peak) {
        long micros = uptime.toNanos() / 1000;
        long years = micros / (365L * 86_400_000_000L);
        micros -= years * 365L * 86_400_000_000L;
        long days = micros / 86_400_000_000L;
        micros -= days * 86_400_000_000L;
        long hours = micros / 3_600_000_000L;
        micros -= hours * 3_600_000_000L;
        long minutes = micros / 60_000_000L;
        micros -= minutes * 60_000_000L;
        long seconds = micros / 1_000_000L;
        micros -= seconds * 1_000_000L;
        long millis = micros / 1000;
        micros -= millis * 1000;
        return "UP " + unit(years, "year") + ", " + unit(days, "day") + ", " + unit(hours, "hour") + ", "
                + unit(minutes, "minute") + ", " + unit(seconds, "second") + ", " + unit(millis, "millisecond") + ", "
                + unit(micros, "microsecond") + "\n"
                + "FreeSWITCH (Version " + VERSION + ") is ready\n"
                + sinceStartup + " session(s) since startup\n"
                + current + " session(s) - peak " + peak + ", last 5min " + peak + " \n"
                + "0 session(s) per Sec out of max 30, peak 0, last 5min 0 \n"
                + "1000 session(s) max\n"
                + "min idle cpu 0.00/99.47\n"
                + "Current Stack Size/Max 240K/8192K\n";
    }

    private static String unit(long n, String name) {
        return n + " " + name + (n == 1 ? "" : "s");
    }
}
