package org.baraza.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.FreeSwitchConfig;
import org.baraza.core.config.ServerConfig;
import org.baraza.core.db.Stores;
import org.baraza.core.media.Prompts;
import org.baraza.server.api.ConsoleApi;
import org.baraza.server.calls.CallRouter;
import org.baraza.server.console.ConsolePages;
import org.baraza.server.httapi.HttapiServer;
import org.baraza.server.hub.ZmqHub;
import org.baraza.server.live.LiveBoard;
import org.baraza.server.sms.SmsWebhooks;
import org.baraza.server.ops.Health;
import org.baraza.server.ops.Metrics;
import org.baraza.server.ops.OpsRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The telephony server's composition root (STYLE 3): the ZeroMQ hub the station daemons connect to, the call
 * router that asks them about callers' calls, the httapi webhook FreeSWITCH calls, the SMS provider's webhooks and
 * the console's REST API ({@link ConsoleApi}) with the operators' health report and metrics ({@link OpsRoutes}), on
 * the same HTTP server, all built from the
 * configuration with plain constructors. The database is the caller's: {@code baraza server} opens it (and
 * checks its migrations), {@code baraza all} shares it with a daemon.
 *
 * <p>Lives from {@link #start} to {@link #close}; thread-safe.
 */
public final class TelephonyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelephonyServer.class);
    /**
     * How much longer than a station's deadline a request may take before the server ends the call itself: room
     * for the router's database work around the station's answer (or its fallback).
     */
    static final Duration ROUTER_MARGIN = Duration.ofSeconds(2);

    private final ZmqHub hub;
    private final LiveBoard board;
    private final HttapiServer http;

    private TelephonyServer(ZmqHub hub, LiveBoard board, HttapiServer http) {
        this.hub = hub;
        this.board = board;
        this.http = http;
    }

    /**
     * Binds the hub at server.hub-endpoint and listens for mod_httapi at server.bind-address and server.port (0
     * takes any free port and any free hub port with {@code tcp://host:0}).
     *
     * @throws IllegalStateException when an address is taken or the recordings directory cannot be used
     */
    public static TelephonyServer start(BarazaConfig config, Stores stores, Clock clock) {
        ServerConfig server = config.server();
        FreeSwitchConfig freeSwitch = config.freeSwitch();
        if (ServerConfig.HTTAPI_PASSWORD.defaultText().equals(server.httapiPassword())) {
            LOG.warn("server.httapi-password is the default: anyone who can reach {} can drive callers' calls; change it "
                    + "here and in FreeSWITCH's vars-baraza.xml", server.httapiUrl());
        }
        LiveBoard board = new LiveBoard();
        ZmqHub hub;
        try {
            hub = ZmqHub.bind(server.hubEndpoint(), clock, board::reported);
        } catch (RuntimeException e) {
            board.close();
            throw e;
        }
        board.followDaemons(hub::daemonOf);
        try {
            Health health = new Health(stores.ops(), hub);
            CallRouter router = new CallRouter(stores, hub::ask, Prompts.install(freeSwitch.mediaDir()),
                    freeSwitch.recordingsDir(), server.requestTimeout(), freeSwitch.nodeName(), config.database().poolSize(), clock);
            SmsWebhooks sms = new SmsWebhooks(config.sms(), server.publicUrl(), stores, clock);
            HttapiServer http = HttapiServer.start(new HttapiServer.Settings(server.bindAddress(), server.port(),
                    server.httapiUser(), server.httapiPassword(), server.maxRequestBytes(),
                    server.requestTimeout().plus(ROUTER_MARGIN), uploads(freeSwitch.recordingsDir()),
                    new HttapiServer.LargeBodies(ConsoleApi.mediaUploadPaths(), config.console().mediaMaxBytes())),
                    router::route, health::summary, javalin -> {
                        sms.register(javalin);
                        new ConsoleApi(config, stores, board, clock).register(javalin);
                        new ConsolePages().register(javalin);
                        new OpsRoutes(health, new Metrics(stores.ops(), hub)).register(javalin);
                    });
            LOG.info("telephony server: httapi on port {}, hub at {}", http.port(), hub.endpoint());
            return new TelephonyServer(hub, board, http);
        } catch (RuntimeException e) {
            hub.close();
            board.close();
            throw e;
        }
    }

    /** The HTTP port it listens on (the one it took, when configured with 0). */
    public int httpPort() {
        return http.port();
    }

    /** Where the daemons connect ({@code tcp://127.0.0.1:5570}), with the port it took. */
    public String hubEndpoint() {
        return hub.endpoint();
    }

    /**
     * Where uploaded recordings wait for the router: beside the recordings, on their file system, so that storing
     * one is a rename.
     */
    private static Path uploads(Path recordingsDir) {
        Path uploads = recordingsDir.resolve(".incoming");
        try {
            return Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot use the recordings directory " + recordingsDir
                    + " (freeswitch.recordings-dir): " + e.getMessage(), e);
        }
    }

    /** Stops taking requests, then closes the hub. */
    @Override
    public void close() {
        board.close();
        http.close();
        hub.close();
    }
}
