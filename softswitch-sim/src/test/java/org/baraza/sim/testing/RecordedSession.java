package org.baraza.sim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.baraza.sim.Softswitch;
import org.baraza.sim.SoftswitchConfig;

/**
 * The commands.log session replayed once per test JVM (it takes a second) and shared by the conformance
 * tests that read its answers and its events.
 */
public final class RecordedSession {
    private static CommandsReplay replay;

    private RecordedSession() {
    }

    public static synchronized CommandsReplay replayed() {
        if (replay == null) {
            replay = replay();
        }
        return replay;
    }

    private static CommandsReplay replay() {
        try (TestWebhook webhook = new TestWebhook()) {
            RecordedHttapi.load("httapi-requests.log").forEach(e -> webhook.answer(e.response()));
            Path root = Files.createTempDirectory("sim-replay");
            Media.hello(root);
            Transcript commands = Transcript.load("commands.log");
            List<Long> gaps = RecordedTiming.gaps(commands, Transcript.load("events-plain.log"));
            SoftswitchConfig config = SoftswitchConfig.builder().eslPort(0).heartbeat(java.time.Duration.ZERO)
                    .webhookUrl(webhook.url()).fileRoot(root).manualClock(true).build();
            try (Softswitch sim = Softswitch.start(config)) {
                return CommandsReplay.run(sim, commands, gaps);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
