package org.baraza.sim.internal.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.baraza.sim.Softswitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator's HTTP control API (JSON), for the demo and for people poking at a running simulator:
 * <pre>
 * GET  /health                      status, ESL address, counts, clock
 * GET  /channels, /channels/{uuid}  live channels (state, caller, variables)
 * GET  /conferences, /conferences/{name}
 * GET  /events?after=&amp;limit=&amp;waitMs=  the event log from a position (long poll with waitMs)
 * GET  /clock                       simulated now, manual or scaled
 * PUT  /phones/{address}            script the phone at a number or SIP address
 * POST /calls                       a listener calls in: {"from", "to", "caller": script}
 * POST /channels/{uuid}/keys        {"digits": "12#"}
 * POST /channels/{uuid}/talk        {"talking": true}
 * POST /channels/{uuid}/hangup      the phone hangs up
 * POST /api                         {"command": "..."}: an API command, as over ESL
 * POST /clock/advance               {"ms": 1000}: move a manual clock
 * </pre>
 * Errors answer {@code {"error": "..."}} with 400 (bad input, named), 404, 405, 409 or 413. Each request runs
 * on its own named virtual thread; the switch's state is only touched through the {@link Softswitch} facade.
 * Lives from {@link #start} to {@link #close}.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Observations observations;
    private final Scripting scripting;

    private ControlServer(HttpServer server, Softswitch sim) {
        this.server = server;
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sim-control-", 0).factory());
        this.observations = new Observations(sim);
        this.scripting = new Scripting(sim, observations);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Listens on the address (port 0 picks a free one) when this returns. */
    public static ControlServer start(InetSocketAddress address, Softswitch sim) throws IOException {
        ControlServer control = new ControlServer(HttpServer.create(address, 64), sim);
        control.server.start();
        return control;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) {
        HttpCall call = new HttpCall(exchange, json);
        try {
            route(call);
        } catch (ControlError e) {
            answerError(call, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            answerError(call, 400, e.getMessage());
        } catch (IllegalStateException e) {
            answerError(call, 409, e.getMessage());
        } catch (IOException e) {
            LOG.debug("control API: the client went away: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("control API: {} {} failed", call.method(), call.segments(), e);
            answerError(call, 500, "the simulator failed: " + e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpCall call) throws IOException {
        List<String> path = call.segments();
        String first = call.segment(0);
        int depth = path.size();
        switch (first == null ? "" : first) {
            case "health" -> only(call, "GET", depth == 1, () -> observations.health(call));
            case "clock" -> {
                if (depth == 1) {
                    only(call, "GET", true, () -> observations.clock(call));
                } else {
                    only(call, "POST", depth == 2 && "advance".equals(call.segment(1)), () -> scripting.advance(call));
                }
            }
            case "channels" -> {
                if (depth <= 2) {
                    only(call, "GET", true, () -> {
                        if (depth == 1) {
                            observations.channels(call);
                        } else {
                            observations.channel(call, call.segment(1));
                        }
                    });
                } else {
                    String uuid = call.segment(1);
                    String action = depth == 3 ? call.segment(2) : "";
                    switch (action) {
                        case "keys" -> only(call, "POST", true, () -> scripting.keys(call, uuid));
                        case "talk" -> only(call, "POST", true, () -> scripting.talk(call, uuid));
                        case "hangup" -> only(call, "POST", true, () -> scripting.hangUp(call, uuid));
                        default -> throw ControlError.notFound("path /" + String.join("/", path));
                    }
                }
            }
            case "conferences" -> only(call, "GET", depth <= 2, () -> {
                if (depth == 1) {
                    observations.conferences(call);
                } else {
                    observations.conference(call, call.segment(1));
                }
            });
            case "events" -> only(call, "GET", depth == 1, () -> observations.events(call));
            case "phones" -> only(call, "PUT", depth == 2, () -> scripting.phone(call, call.segment(1)));
            case "calls" -> only(call, "POST", depth == 1, () -> scripting.placeCall(call));
            case "api" -> only(call, "POST", depth == 1, () -> scripting.api(call));
            default -> throw ControlError.notFound("path /" + String.join("/", path));
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    /** Runs the action when the path fits and the method is the one it takes; 404 or 405 otherwise. */
    private static void only(HttpCall call, String method, boolean pathFits, Action action) throws IOException {
        if (!pathFits) {
            throw ControlError.notFound("path /" + String.join("/", call.segments()));
        }
        if (!method.equals(call.method())) {
            call.allow(method);
            throw new ControlError(405, call.method() + " is not allowed here; use " + method);
        }
        action.run();
    }

    private static void answerError(HttpCall call, int status, String message) {
        try {
            call.replyError(status, message);
        } catch (IOException e) {
            LOG.debug("control API: could not answer {}: {}", status, e.getMessage());
        }
    }
}
