package org.baraza.sim.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * When each command of a recording ran, read from the API events another connection received
 * (API-Command, API-Command-Argument, Event-Date-Timestamp): the gaps between commands, for replaying a
 * session at its recorded pace on a manual clock.
 */
public final class RecordedTiming {
    private RecordedTiming() {
    }

    /** For each api/bgapi command sent, in order, milliseconds until the next one's API event (last: 1000). */
    public static List<Long> gaps(Transcript commands, Transcript events) {
        List<String> sent = commands.steps().stream().filter(s -> s instanceof Transcript.Sent)
                .map(s -> ((Transcript.Sent) s).text())
                .filter(t -> t.startsWith("api ") || t.startsWith("bgapi ")).toList();
        List<WireEvent> api = events.events().stream().filter(e -> "API".equals(e.name())).toList();
        List<Long> times = new ArrayList<>();
        boolean[] used = new boolean[api.size()];
        for (String line : sent) {
            String body = line.substring(line.indexOf(' ') + 1);
            int space = body.indexOf(' ');
            String name = space < 0 ? body : body.substring(0, space);
            // Plain events carry values URL-encoded and keep an existing %XX as it was; compare decoded.
            String arg = space < 0 ? null
                    : java.net.URLDecoder.decode(body.substring(space + 1), java.nio.charset.StandardCharsets.UTF_8);
            for (int i = 0; i < api.size(); i++) {
                WireEvent e = api.get(i);
                if (!used[i] && name.equals(e.header("API-Command"))
                        && (arg == null ? e.header("API-Command-Argument") == null : arg.equals(e.header("API-Command-Argument")))) {
                    times.add(Long.parseLong(e.header("Event-Date-Timestamp")) / 1000);
                    used[i] = true;
                    break;
                }
            }
        }
        if (times.size() != sent.size()) {
            throw new IllegalStateException("found the API events of " + times.size() + " of " + sent.size() + " commands");
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            // An originate's API event is stamped when it returns, and it took at least the 20 ms in which
            // originate notices the far end; other commands may follow each other within a millisecond.
            long least = sent.get(i).contains(" originate ") ? 25 : 1;
            gaps.add(i + 1 < times.size() ? Math.max(least, times.get(i + 1) - times.get(i)) : 1000);
        }
        return gaps;
    }
}
