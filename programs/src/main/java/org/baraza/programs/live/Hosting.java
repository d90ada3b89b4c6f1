package org.baraza.programs.live;

import java.time.Duration;
import java.util.List;

import org.baraza.programs.Command;
import org.baraza.programs.Command.CallOut;
import org.baraza.programs.Command.CancelTimer;
import org.baraza.programs.Command.HangupLeg;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.Party;
import org.baraza.programs.Command.Place;
import org.baraza.programs.Command.Prompt;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.Seat;
import org.baraza.programs.Command.StartTimer;
import org.baraza.programs.Event.HostCalledIn;
import org.baraza.programs.LegId;
import org.baraza.programs.live.HostLine.Absent;
import org.baraza.programs.live.HostLine.Answered;
import org.baraza.programs.live.HostLine.Dialling;
import org.baraza.programs.live.HostLine.Placed;
import org.baraza.programs.live.HostLine.Retrying;
import org.baraza.programs.live.LiveTalkState.HostLost;
import org.baraza.programs.live.LiveTalkState.HostReady;
import org.baraza.programs.live.LiveTalkState.Live;
import org.baraza.programs.live.LiveTalkState.OnAir;

/**
 * What a live show does with its host: calls them (again), places them in the conference, puts them on air,
 * and calls them back when their leg drops. Each move appends its commands to {@code out}.
 */
final class Hosting {

    /** The timer after which the show calls its host (again). */
    static final String CALL_HOST = "call-host";
    static final Duration CALL_AGAIN_AFTER = Duration.ofSeconds(20);
    static final Duration CALL_BACK_AFTER = Duration.ofSeconds(5);

    private Hosting() {
    }

    /** The first call, when the airing is prepared (or started with no host). */
    static Show callFirst(Show show, List<Command> out) {
        if (show.hostNumber().isEmpty()) {
            out.add(new LogNote("no host number to call: waiting for a host to call in"));
            return show;
        }
        out.add(new LogNote("calling the host on " + show.hostNumber().get()));
        return call(show, 0, out);
    }

    /** Calls the host on a new leg; {@code failed} counts the calls before it that did not reach them. */
    static Show call(Show show, int failed, List<Command> out) {
        LegId leg = new LegId("host-" + (show.hostCalls() + 1));
        out.add(new CallOut(leg, Party.HOST, show.hostNumber().orElseThrow()));
        return show.withHost(new Dialling(leg, failed)).withHostCalls(show.hostCalls() + 1);
    }

    /** The host was not reached: called again on a timer; only the first failure in a row is logged. */
    static Show callAgain(Show show, String why, List<Command> out) {
        int failed = show.host() instanceof Dialling dialling ? dialling.failed() + 1 : 1;
        if (failed == 1) {
            out.add(new LogNote(why + ": calling again every " + CALL_AGAIN_AFTER.toSeconds() + " s"));
        }
        out.add(new StartTimer(CALL_HOST, CALL_AGAIN_AFTER));
        return show.withHost(new Retrying(failed));
    }

    /** The host's leg dropped: called back shortly, if the show has a number to call. */
    static Show callBack(Show show, List<Command> out) {
        if (show.hostNumber().isEmpty()) {
            return show.withHost(new Absent());
        }
        out.add(new StartTimer(CALL_HOST, CALL_BACK_AFTER));
        return show.withHost(new Retrying(0));
    }

    /** The host's leg dropped during the show: the filler covers while they are called back. */
    static HostLost lost(Show show, String cause, List<Command> out) {
        out.add(new LogNote("host lost (" + cause + "): filler plays "
                + (show.hostNumber().isPresent() ? "and the host is called back" : "until a host calls in")));
        Show filling = show.withKeys(show.keys().reset(out)).withAir(show.air().startFiller(out));
        return new HostLost(callBack(filling, out));
    }

    /** A host who called in is placed at once; a host leg already there is hung up (the newest stays). */
    static Live calledIn(Show show, HostCalledIn in, List<Command> out) {
        switch (show.host()) {
            case Retrying retrying -> out.add(new CancelTimer(CALL_HOST));
            case Dialling dialling -> out.add(new HangupLeg(dialling.leg()));
            case Answered answered -> out.add(new HangupLeg(answered.leg()));
            case Placed placed -> out.add(new HangupLeg(placed.leg()));
            case Absent absent -> {
            }
        }
        out.add(new LogNote("host called in from " + in.number()));
        Show placed = place(show.withKeys(show.keys().reset(out)), in.leg(), out);
        return placed.started() ? goOnAir(placed, out) : new HostReady(placed);
    }

    /** The host goes into the conference, as its host. */
    static Show place(Show show, LegId host, List<Command> out) {
        out.add(new Place(host, Seat.HOST));
        return show.withHost(new Placed(host));
    }

    /** The host is in the conference and the slot has begun: the filler stops, the host is live. */
    static OnAir goOnAir(Show show, List<Command> out) {
        LegId host = show.host().currentLeg().orElseThrow();
        out.add(new LogNote("host on air"));
        Air air = show.air().stopFiller(out);
        out.add(new Prompt(host, PromptName.YOU_ARE_ON_AIR, 0));
        return new OnAir(show.withAir(air).withStage(show.stage().release(out)));
    }
}
