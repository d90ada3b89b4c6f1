package org.baraza.sim.internal.call;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelState;
import org.baraza.sim.internal.channel.HangupCause;
import org.baraza.sim.internal.event.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs dialplan steps on legs as switch_core_session_exec does: CHANNEL_EXECUTE, the application, then
 * CHANNEL_EXECUTE_COMPLETE with {@code current_application_response} (or {@code _none_}). Applications may
 * run others inside them (httapi runs playback and conference; uuid_broadcast plays inside park). When a
 * leg's steps run out, it hangs up, as a channel does at the end of its dialplan. Switch thread only.
 */
final class AppRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AppRunner.class);

    /** Applications registered without SAF_SUPPORT_NOMEDIA among those the simulator runs. */
    private static final java.util.Set<String> NEEDS_MEDIA = java.util.Set.of("playback", "record");

    private final Switchboard board;
    private final Applications applications;

    AppRunner(Switchboard board, Applications applications) {
        this.board = board;
        this.applications = applications;
    }

    /** Replaces the leg's remaining steps and starts the first. */
    void run(Leg leg, List<AppCall> steps) {
        leg.pending().clear();
        leg.pending().addAll(steps);
        next(leg);
    }

    void next(Leg leg) {
        if (!leg.isUp() || leg.transferring() || !leg.running().isEmpty()) {
            return;
        }
        AppCall step = leg.pending().poll();
        if (step == null) {
            board.hangup(leg, HangupCause.NORMAL_CLEARING);
            return;
        }
        execute(leg, step, done -> next(leg));
    }

    /**
     * Runs one application on the leg and calls {@code onDone} after its CHANNEL_EXECUTE_COMPLETE. An unknown
     * application hangs the leg up with DESTINATION_OUT_OF_ORDER, as FreeSWITCH does ("Invalid Application").
     */
    AppRun execute(Leg leg, AppCall call, Consumer<AppRun> onDone) {
        Application application = applications.create(call).orElse(null);
        if (application == null) {
            LOG.warn("{}: invalid application {}", leg.channel().name(), call.name());
            board.hangup(leg, HangupCause.DESTINATION_OUT_OF_ORDER);
            return null;
        }
        Channel c = leg.channel();
        if (c.state() != ChannelState.CS_EXECUTE && !c.isHungUp()) {
            board.legEvents().state(leg, ChannelState.CS_EXECUTE);
        }
        if (NEEDS_MEDIA.contains(call.name())) {
            // An application that needs media gets early media before it starts (switch_core_session_exec).
            board.preAnswer(leg);
        }
        c.variable("current_application", call.name());
        if (!call.data().isEmpty()) {
            c.variable("current_application_data", call.data());
        }
        c.application(call.name(), call.data());
        AppRun run = new AppRun(leg, board, call, application, finished -> completed(finished, onDone));
        board.events().about(EventSource.CHANNEL_EXECUTE, c).withVariables()
                .after("Application", call.name())
                .after("Application-Data", call.data().isEmpty() ? null : call.data())
                .after("Application-UUID", run.uuid())
                .fire();
        leg.running().addLast(run);
        application.start(run);
        return run;
    }

    /** Cuts short what runs on the leg, innermost first; each gets its CHANNEL_EXECUTE_COMPLETE. */
    void interruptAll(Leg leg, Interruption why) {
        for (AppRun run : new ArrayList<>(leg.running()).reversed()) {
            if (!run.finished()) {
                run.cancelTimer();
                run.application().interrupt(why);
                run.finish();
            }
        }
    }

    /** uuid_break: stops the innermost application that plays something; false when nothing did. */
    boolean breakInnermost(Leg leg) {
        AppRun run = leg.currentRun();
        if (run == null || run.finished()) {
            return false;
        }
        if (run.application().interrupt(Interruption.BREAK)) {
            run.finish();
            return true;
        }
        return false;
    }

    void dtmf(Leg leg, char digit) {
        AppRun run = leg.currentRun();
        if (run != null && !run.finished()) {
            run.application().dtmf(digit);
        }
    }

    private void completed(AppRun run, Consumer<AppRun> onDone) {
        Leg leg = run.leg();
        leg.running().remove(run);
        Channel c = leg.channel();
        String response = c.variable("current_application_response");
        board.events().about(EventSource.CHANNEL_EXECUTE_COMPLETE, c).withVariables()
                .after("Application", run.name())
                .after("Application-Data", run.data().isEmpty() ? null : run.data())
                .after("Application-Response", response == null ? "_none_" : response)
                .after("Application-UUID", run.uuid())
                .fire();
        AppRun outer = leg.currentRun();
        c.application(outer == null ? null : outer.name(), outer == null ? null : outer.data());
        onDone.accept(run);
    }
}
