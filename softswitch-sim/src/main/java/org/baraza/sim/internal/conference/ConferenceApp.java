package org.baraza.sim.internal.conference;

import java.util.Optional;

import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Application;
import org.baraza.sim.internal.call.Interruption;

/**
 * {@code conference <name>[@<profile>][+flags{...}]}: joins the leg to the conference (answering it first)
 * and stays until the leg hangs up, is transferred, kicked or hung up by the conference API, or the
 * conference is locked against it (then it ends at once).
 */
final class ConferenceApp implements Application {
    private final Conferences conferences;
    private Conference conference;
    private Member member;

    ConferenceApp(Conferences conferences) {
        this.conferences = conferences;
    }

    @Override
    public void start(AppRun run) {
        // conference_function's reading: +flags{...} is cut out wherever it stands, then a +pin, then the
        // profile after the last @. So "studio+flags{mute}@radio" (the httapi <conference> tag's spelling) joins
        // muted but in the default profile, as the freeswitch-conf comments warn.
        String data = run.data().trim();
        String flagText = null;
        int plus = data.indexOf("+flags{");
        if (plus >= 0) {
            String rest = data.substring(plus + "+flags{".length());
            int close = rest.indexOf('}');
            flagText = close < 0 ? rest : rest.substring(0, close);
            data = data.substring(0, plus);
        }
        String variableFlags = run.leg().channel().variable("conference_member_flags");
        if (variableFlags != null) {
            flagText = flagText == null ? variableFlags : flagText + "|" + variableFlags;
        }
        JoinFlags flags = flagText == null ? JoinFlags.NONE : JoinFlags.parse(flagText);
        int pin = data.indexOf('+');
        if (pin >= 0) {
            data = data.substring(0, pin);
        }
        int at = data.lastIndexOf('@');
        String name = at < 0 ? data : data.substring(0, at);
        String profile = at < 0 ? "default" : data.substring(at + 1);
        Optional<Member> joined = conferences.join(run.leg(), name, profile, flags, run::finish);
        if (joined.isEmpty()) {
            run.finish();
            return;
        }
        member = joined.get();
        conference = conferences.find(name).orElseThrow();
    }

    @Override
    public boolean interrupt(Interruption why) {
        if (why == Interruption.BREAK) {
            return false;
        }
        if (member != null) {
            conferences.leave(conference, member, false);
        }
        return true;
    }
}
