package org.baraza.sim.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baraza.sim.Softswitch;

/**
 * Replays a recorded command session against a simulator, as the recording's client did: the same
 * commands in the same order on one connection, while two more connections take every event as plain and
 * as JSON. Recorded uuids the simulator cannot share (B legs it names itself) are mapped to the simulator's
 * through the answers of {@code show channels as json} and {@code conference list}.
 */
public final class CommandsReplay {
    /** One command and both answers. */
    public record Exchange(String scenario, String sent, EslFrame recorded, EslFrame simulated) {
    }

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<EslFrame> plainFrames = new ArrayList<>();
    private final List<EslFrame> jsonFrames = new ArrayList<>();
    private final Map<String, String> uuids = new HashMap<>();

    public List<Exchange> exchanges() {
        return exchanges;
    }

    public List<EslFrame> plainFrames() {
        return plainFrames;
    }

    public List<EslFrame> jsonFrames() {
        return jsonFrames;
    }

    /**
     * @param gaps for each api/bgapi command in order, how long the recording took until the next one came
     *             (from the API events' timestamps), in milliseconds; the simulator must use a manual clock
     */
    public static CommandsReplay run(Softswitch sim, Transcript transcript, List<Long> gaps) throws IOException {
        return run(sim, transcript, gaps, Map.of());
    }

    /**
     * @param gaps  as above, or null when the simulator's clock runs by itself
     * @param hooks what happens at a scenario outside the switch's control (a phone calling in), by the start
     *              of the scenario's title; run when the replay reaches it
     */
    public static CommandsReplay run(Softswitch sim, Transcript transcript, List<Long> gaps,
                                     Map<String, java.util.function.Consumer<Softswitch>> hooks) throws IOException {
        CommandsReplay replay = new CommandsReplay();
        try (RawEslClient plain = RawEslClient.login(sim.eslAddress(), "ClueCon");
             RawEslClient json = RawEslClient.login(sim.eslAddress(), "ClueCon");
             RawEslClient client = RawEslClient.connect(sim.eslAddress())) {
            plain.command("event plain ALL");
            json.command("event json ALL");
            replay.play(sim, client, transcript, gaps, hooks);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> sim.channels().isEmpty() && sim.conferences().isEmpty());
            // The API event of this last command comes after every event the session caused.
            plain.api("version");
            replay.collect(plain, replay.plainFrames);
            replay.collect(json, replay.jsonFrames);
        }
        return replay;
    }

    private void play(Softswitch sim, RawEslClient client, Transcript transcript, List<Long> gaps,
                      Map<String, java.util.function.Consumer<Softswitch>> hooks) throws IOException {
        List<Transcript.Step> steps = transcript.steps();
        boolean greeted = false;
        int command = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Transcript.Scenario scenario) {
                hooks.forEach((title, hook) -> {
                    if (scenario.scenario().startsWith(title)) {
                        hook.accept(sim);
                    }
                });
            }
            if (!(steps.get(i) instanceof Transcript.Sent sent)) {
                if (!greeted && steps.get(i) instanceof Transcript.Received r) {
                    exchanges.add(new Exchange(null, null, r.frame(), client.next()));
                    greeted = true;
                }
                continue;
            }
            EslFrame recorded = ((Transcript.Received) steps.get(i + 1)).frame();
            long before = sim.eventPosition();
            client.sendRaw(mapUuids(sent.text()) + "\n\n");
            if (sent.text().startsWith("api ") || sent.text().startsWith("bgapi ")) {
                // Every command fires something at once (its API event, or the new channel's first events); once
                // it has, the switch has the command and the clock may move.
                sim.awaitEvent(before, e -> true, Duration.ofSeconds(5));
                waitLikeTheRecordingClient(sim, sent.text(), before);
                if (gaps != null) {
                    // The time the recording's switch took until the next command came: timers (answers,
                    // ring-outs, playback ends) fall due in it as they did then.
                    sim.clock().advance(Duration.ofMillis(gaps.get(command++)));
                }
            }
            EslFrame simulated = client.nextMatching(f -> !f.isEvent());
            exchanges.add(new Exchange(sent.scenario(), sent.text(), recorded, simulated));
            learnUuids(recorded.body(), simulated.body());
        }
    }

    /**
     * Where the recording's client waited for the switch in real time (the webhook's answer, a key reaching
     * the prompt), the replay waits too: with a manual clock, HTTP is the one thing that happens by itself.
     */
    private static void waitLikeTheRecordingClient(Softswitch sim, String sent, long before) {
        Duration patience = Duration.ofSeconds(5);
        if (sent.contains("loopback/9103")) {
            sim.awaitEvent(before, e -> "PLAYBACK_START".equals(e.name()), patience);
        } else if (sent.startsWith("api uuid_send_dtmf 0677536d")) {
            sim.awaitEvent(before, e -> "add-member".equals(e.action()), patience);
        }
    }

    private void collect(RawEslClient events, List<EslFrame> into) throws IOException {
        while (true) {
            EslFrame f = events.nextMatching(EslFrame::isEvent);
            into.add(f);
            WireEvent e = f.event();
            if ("API".equals(e.name()) && "version".equals(e.header("API-Command"))) {
                return;
            }
        }
    }

    private String mapUuids(String text) {
        Matcher m = UUID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, uuids.getOrDefault(m.group(), m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Pairs uuids that sit at the same place in both answers (rows of show channels, lines of a list). */
    private void learnUuids(String recorded, String simulated) {
        List<String> r = UUID.matcher(recorded).results().map(java.util.regex.MatchResult::group).toList();
        List<String> s = UUID.matcher(simulated).results().map(java.util.regex.MatchResult::group).toList();
        if (r.size() == s.size()) {
            for (int i = 0; i < r.size(); i++) {
                uuids.putIfAbsent(r.get(i), s.get(i));
            }
        }
    }
}
