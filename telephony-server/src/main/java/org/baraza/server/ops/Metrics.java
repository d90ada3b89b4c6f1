package org.baraza.server.ops;

import java.time.Duration;

import org.baraza.core.ops.OpsQueries;
import org.baraza.server.hub.ZmqHub;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's Prometheus metrics (Micrometer): the httapi webhook's latency by status, calls and airings (read
 * from the database when scraped, so that they count what every process did), the SMS outbox's depth, and the
 * stations the hub's daemons run. Thread-safe; lives as long as the server.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics(OpsQueries ops, ZmqHub hub) {
        FunctionCounter.builder("baraza.calls.logged", ops, OpsQueries::callsLogged)
                .description("calls in the call log").register(registry);
        Gauge.builder("baraza.calls.open", ops, OpsQueries::callsOpen).description("calls not ended yet").register(registry);
        FunctionCounter.builder("baraza.airings.aired", ops, OpsQueries::airingsAired)
                .description("airings that went out, as aired or partial").register(registry);
        Gauge.builder("baraza.airings.on.air", ops, OpsQueries::airingsOnAir).description("airings on air now").register(registry);
        Gauge.builder("baraza.sms.outbox.depth", ops, OpsQueries::outboxDepth)
                .description("outbound SMS waiting in the outbox").register(registry);
        Gauge.builder("baraza.hub.stations", hub, h -> h.stations().size())
                .description("stations some daemon runs now").register(registry);
    }

    /** Records one webhook request's time, by its HTTP status. */
    void webhook(Duration took, int status) {
        Timer.builder("baraza.httapi.requests").description("mod_httapi webhook requests, until answered")
                .tag("status", String.valueOf(status)).publishPercentileHistogram().register(registry).record(took);
    }

    /** The text Prometheus scrapes. */
    String scrape() {
        return registry.scrape();
    }
}
