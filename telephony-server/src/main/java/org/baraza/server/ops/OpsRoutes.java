package org.baraza.server.ops;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * The operators' routes, unauthenticated like the plain {@code /health} (keep them off the public internet with
 * the proxy, as the httapi webhook): {@code GET /health/details}, the health report as JSON (503 when down), and
 * {@code GET /metrics}, Prometheus's text format. Also times every {@code /httapi} request. Thread-safe.
 */
public final class OpsRoutes {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Health health;
    private final Metrics metrics;

    public OpsRoutes(Health health, Metrics metrics) {
        this.health = health;
        this.metrics = metrics;
    }

    public void register(JavalinConfig config) {
        // Javalin's request logger sees every request once it is answered, futures and refusals included.
        config.requestLogger.http(this::timed);
        config.routes.get("/health/details", this::details);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    private void details(Context ctx) throws Exception {
        Health.Report report = health.report();
        ctx.status("down".equals(report.status()) ? 503 : 200).contentType("application/json").result(JSON.writeValueAsString(report));
    }

    private void timed(Context ctx, Float millis) {
        if ("/httapi".equals(ctx.path())) {
            metrics.webhook(Duration.ofNanos((long) (millis * 1_000_000)), ctx.statusCode());
        }
    }
}
