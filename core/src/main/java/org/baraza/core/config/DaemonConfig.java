package org.baraza.core.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a station daemon runs: its name among daemons, which networks' stations it may take, how far ahead
 * it plans airings, and how long its hold on a station lasts unrenewed.
 */
public record DaemonConfig(String id, Set<String> networks, Duration planHorizon, Duration leaseTtl) {

    public static final ConfigKey<String> ID = ConfigKey.of("daemon.id", "daemon-1",
            "This daemon's name in station leases and Quartz; unique among the daemons sharing a database.",
            Parsers.nonBlank(100));
    public static final ConfigKey<Set<String>> NETWORKS = ConfigKey.of("daemon.networks", "",
            "Comma-separated network slugs whose stations this daemon may run; empty for every network.",
            text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    public static final ConfigKey<Duration> PLAN_HORIZON = ConfigKey.of("daemon.plan-horizon", "48h",
            "How far ahead airings are planned from schedules.", Parsers.duration(Duration.ofHours(1), Duration.ofDays(31)));
    public static final ConfigKey<Duration> LEASE_TTL = ConfigKey.of("daemon.lease-ttl", "30s",
            "How long a daemon's hold on a station lasts unrenewed; another daemon takes the station after.",
            Parsers.duration(Duration.ofSeconds(5), Duration.ofMinutes(10)));

    static final List<ConfigKey<?>> KEYS = List.of(ID, NETWORKS, PLAN_HORIZON, LEASE_TTL);

    static DaemonConfig from(Settings s) {
        return new DaemonConfig(s.get(ID), s.get(NETWORKS), s.get(PLAN_HORIZON), s.get(LEASE_TTL));
    }
}
