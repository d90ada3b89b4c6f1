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
        String data = run.data().trim();
        JoinFlags flags = JoinFlags.NONE;
        int plus = data.indexOf("+flags{");
        if (plus >= 0 && data.endsWith("}")) {
            flags = JoinFlags.parse(data.substring(plus + 7, data.length() - 1));
            data = data.substring(0, plus);
        }
        int at = data.indexOf('@');
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
