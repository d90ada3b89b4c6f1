package org.baraza.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.baraza.bench.report.Target;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.Envelope;
import org.baraza.core.hub.HubCodec;
import org.baraza.core.hub.HubMessage;
import org.baraza.daemon.esl.EslConnection;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.daemon.hub.HubClient;
import org.baraza.server.hub.ZmqHub;
import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

import static org.awaitility.Awaitility.await;

/**
 * Issue #8's anchors: each of Baraza's paths against a bare one doing the least the same job needs, in the same
 * run, with the same client, so that the ratio says what Baraza's own code costs whatever the machine's load.
 * <ul>
 *   <li>ESL: {@code api status} through the daemon's gateway ({@link EslConnection}: the freeswitch-esl client, a
 *       virtual thread per command) against a plain blocking socket ({@link PlainEsl}), both on the simulator.</li>
 *   <li>ZeroMQ: a call request through the hub ({@link ZmqHub#ask} to a {@link HubClient} whose station answers at
 *       once: codec, queues, wake-ups, the sockets' threads) against a bare DEALER/ROUTER round trip of frames of
 *       the same sizes ({@link BareZmq}).</li>
 *   <li>HTTP: closed-loop throughput of Baraza's {@code /httapi} (auth, the call logged in PostgreSQL, the station
 *       asked over the hub, the document rendered) against a bare Javalin endpoint answering the same document
 *       ({@link BareJavalin}), with the same lean client ({@link LeanHttp}).</li>
 * </ul>
 * Each pair runs {@code size.runs()} times, bare first; the figures are over all runs.
 */
final class Anchors implements Scenario {

    @Override
    public String id() {
        return "anchors";
    }

    @Override
    public String title() {
        return "Anchors: Baraza's paths against bare ones";
    }

    @Override
    public Results run(Size size, SharedDatabase database, Progress progress) throws Exception {
        Results results = new Results(this).setup(String.format(Locale.ROOT, "Round trips one at a time on one thread "
                + "(%,d warm-up, %,d measured, %d run(s)); closed loop: %d clients, %d ms warm-up and %d ms measured per run; "
                + "bare first in each run.", size.roundTrips(), size.roundTrips(), size.runs(), size.clients(),
                size.loopWarmup().toMillis(), size.loopMeasure().toMillis()));
        esl(size, progress, results);
        hub(size, progress, results);
        httapi(size, database, progress, results);
        return results;
    }

    private static void esl(Size size, Progress progress, Results results) throws Exception {
        progress.say("anchors: ESL api status, plain socket vs the gateway");
        Histogram bare = new Histogram(3);
        Histogram gateway = new Histogram(3);
        try (Softswitch sim = Softswitch.start(SoftswitchConfig.builder().eslPort(0).heartbeat(Duration.ZERO)
                .conferenceSounds(false).build());
             PlainEsl plain = PlainEsl.connect(sim.eslAddress(), SoftswitchConfig.DEFAULT_PASSWORD);
             EslConnection connection = EslConnection.open(new SwitchNode("fs1", "127.0.0.1", sim.eslAddress().getPort(),
                     SoftswitchConfig.DEFAULT_PASSWORD), Clock.systemUTC(), event -> { })) {
            await().atMost(Duration.ofSeconds(10)).until(connection::isReady);
            for (int run = 0; run < size.runs(); run++) {
                bare.add(RoundTrips.time(size.roundTrips(), () -> plain.api("status")));
                gateway.add(RoundTrips.time(size.roundTrips(), () -> connection.api("status", "").get(10, TimeUnit.SECONDS)));
            }
        }
        results.latency("ESL `api status` round trip, plain socket", bare)
                .latency("ESL `api status` round trip, the daemon's gateway (EslConnection)", gateway)
                .figure("ESL: gateway median / plain median", ratio(gateway, bare), "x");
    }

    private static void hub(Size size, Progress progress, Results results) throws Exception {
        progress.say("anchors: ZeroMQ round trip, bare DEALER/ROUTER vs the hub");
        HubMessage.CallRequest request = new HubMessage.CallRequest(UUID.randomUUID().toString(), 1L, "+256772000001",
                "+256312400001", Map.of(), false, false, HubMessage.CallerKind.ANYONE, null, null);
        CallDocument document = CallDocument.of(Map.of("baraza_step", "ring"), new CallDocument.Pause(Duration.ofSeconds(3)));
        Envelope asked = Envelope.of(request);
        byte[] requestFrame = HubCodec.encode(asked);
        byte[] replyFrame = HubCodec.encode(asked.reply(new HubMessage.CallReply(request.call(), document)));
        Histogram bare = new Histogram(3);
        Histogram hub = new Histogram(3);
        try (BareZmq zmq = BareZmq.start(replyFrame);
             ZmqHub server = ZmqHub.bind("tcp://127.0.0.1:0", Clock.systemUTC());
             HubClient daemon = HubClient.connect(server.endpoint(), "bench-daemon", () -> List.of(1L),
                     call -> CompletableFuture.completedFuture(document))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stations().contains(1L));
            for (int run = 0; run < size.runs(); run++) {
                bare.add(RoundTrips.time(size.roundTrips(), () -> zmq.roundTrip(requestFrame)));
                hub.add(RoundTrips.time(size.roundTrips(), () -> server.ask(new HubMessage.CallRequest(
                        UUID.randomUUID().toString(), 1L, request.from(), request.to(), Map.of(), false, false,
                        HubMessage.CallerKind.ANYONE, null, null), Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS)));
            }
        }
        results.latency(String.format(Locale.ROOT, "ZeroMQ round trip, bare DEALER/ROUTER (%d B out, %d B back)",
                        requestFrame.length, replyFrame.length), bare)
                .latency("ZeroMQ round trip, the hub's dispatch (ZmqHub.ask → HubClient → answer → reply)", hub)
                .figure("ZeroMQ: hub median / bare median", ratio(hub, bare), "x");
    }

    private static void httapi(Size size, SharedDatabase database, Progress progress, Results results) throws Exception {
        progress.say("anchors: httapi throughput, bare Javalin vs Baraza (%d clients)", size.clients());
        double bareTotal = 0;
        double barazaTotal = 0;
        long bareFailed = 0;
        long barazaFailed = 0;
        String firstFailure = null;
        try (Rig rig = Rig.start(database, size.stations());
             LeanHttp http = new LeanHttp(rig.server.httpPort(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
            HttapiCalls requests = new HttapiCalls(rig.stationNumbers);
            String ringDocument = http.get(requests.first(UUID.randomUUID(), 9_000_000));
            String bareTarget = requests.first(UUID.randomUUID(), 9_000_001);
            try (BareJavalin javalin = BareJavalin.start(ringDocument);
                 LeanHttp bareHttp = new LeanHttp(javalin.port(), Rig.HTTAPI_USER, Rig.HTTAPI_PASSWORD)) {
                for (int run = 0; run < size.runs(); run++) {
                    long offset = 1_000_000L * (run + 1);
                    ClosedLoop.Result bare = ClosedLoop.run("bare", size.clients(), size.loopWarmup(), size.loopMeasure(),
                            n -> bareHttp.get(bareTarget));
                    ClosedLoop.Result baraza = ClosedLoop.run("baraza", size.clients(), size.loopWarmup(), size.loopMeasure(),
                            n -> {
                                String answer = http.get(requests.first(UUID.randomUUID(), offset + n));
                                if (!answer.contains("application=\"sleep\"")) {
                                    throw new LeanHttp.Failed("not the ring pause: " + answer);
                                }
                            });
                    progress.say("anchors: run %d: bare %.0f/s, Baraza %.0f/s", run + 1, bare.perSecond(), baraza.perSecond());
                    results.figure("bare Javalin, run " + (run + 1), bare.perSecond(), "requests/s")
                            .figure("Baraza /httapi, run " + (run + 1), baraza.perSecond(), "requests/s");
                    bareTotal += bare.perSecond();
                    barazaTotal += baraza.perSecond();
                    bareFailed += bare.failed();
                    barazaFailed += baraza.failed();
                    firstFailure = firstFailure != null ? firstFailure
                            : baraza.firstFailure() != null ? baraza.firstFailure() : bare.firstFailure();
                }
            }
        }
        double share = 100 * barazaTotal / bareTotal;
        results.figure("Baraza /httapi throughput / bare Javalin's (all runs)", share, "%")
                .figure("failed requests, bare Javalin", bareFailed, "")
                .figure("failed requests, Baraza", barazaFailed, "")
                .target("httapi handler throughput ≥ 50% of bare Javalin",
                        String.format(Locale.ROOT, "%.1f %%", share), Target.Verdict.of(share >= 50));
        if (firstFailure != null) {
            results.note("First failed request: " + firstFailure);
        }
    }

    private static double ratio(Histogram ours, Histogram bare) {
        return ours.getValueAtPercentile(50) / (double) Math.max(1, bare.getValueAtPercentile(50));
    }
}
