package org.baraza.programs.live;

import static org.baraza.programs.MediaFixtures.at;
import static org.baraza.programs.MediaFixtures.media;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.baraza.core.PhoneNumber;
import org.baraza.programs.Event;
import org.baraza.programs.Event.DtmfPressed;
import org.baraza.programs.LegId;
import org.baraza.programs.Media;
import org.baraza.programs.PlaybackId;
import org.baraza.programs.Rotation;
import org.baraza.programs.Transition;
import org.baraza.programs.filler.FillerState;
import org.baraza.programs.live.HostLine.Dialling;
import org.baraza.programs.live.HostLine.Placed;
import org.baraza.programs.live.LiveTalkState.Ready;
import org.baraza.programs.live.Stage.Caller;
import org.baraza.programs.live.Stage.Guest;

/** A live show's people, media and states for the tables: one host, three callers, a guest, two jingles, two songs. */
final class LiveFixtures {

    static final LiveTalkProgram PROGRAM = new LiveTalkProgram();

    static final PhoneNumber HOST_NUMBER = new PhoneNumber("+256700000001");
    static final PhoneNumber CO_HOST_NUMBER = new PhoneNumber("+256700000002");
    static final LegId HOST_1 = new LegId("host-1");
    static final LegId HOST_2 = new LegId("host-2");
    static final LegId HOST_3 = new LegId("host-3");
    /** The station's name for a host who called in. */
    static final LegId HOST_IN = new LegId("inbound-41");

    static final Caller ANNA = new Caller(new LegId("inbound-11"), new PhoneNumber("+256700000011"));
    static final Caller BEN = new Caller(new LegId("inbound-12"), new PhoneNumber("+256700000012"));
    static final Caller CHLOE = new Caller(new LegId("inbound-13"), new PhoneNumber("+256700000013"));

    static final PhoneNumber GUEST_NUMBER = new PhoneNumber("0772000111");
    static final LegId GUEST_1 = new LegId("guest-1");
    static final Guest GUEST_RINGING = new Guest(GUEST_1, GUEST_NUMBER, false);
    static final Guest GUEST_ON_AIR = new Guest(GUEST_1, GUEST_NUMBER, true);

    static final Media JINGLE_A = media(20, "Jingle A", 10);
    static final Media JINGLE_B = media(21, "Jingle B", 12);
    static final List<Media> JINGLES = List.of(JINGLE_A, JINGLE_B);
    static final Media SONG_A = media(10, "Song A", 180);
    static final Media SONG_B = media(11, "Song B", 200);
    static final long SEED = 7;
    static final Rotation FILL = Rotation.of(List.of(SONG_A, SONG_B), SEED);

    static final PlaybackId P1 = new PlaybackId(1);
    static final PlaybackId P2 = new PlaybackId(2);
    static final PlaybackId P3 = new PlaybackId(3);

    /** The show as {@link LiveTalkProgram#ready} makes it: nothing has happened yet. */
    static final Show SHOW = ((Ready) LiveTalkProgram.ready(List.of(HOST_NUMBER, CO_HOST_NUMBER), JINGLES,
            List.of(SONG_A, SONG_B), SEED)).show();
    /** A show with no host number: it can only wait for a host to call in. */
    static final Show NO_NUMBER = ((Ready) LiveTalkProgram.ready(List.of(), JINGLES, List.of(SONG_A, SONG_B), SEED)).show();

    private LiveFixtures() {
    }

    /** The first call to the host rings. */
    static Show calling() {
        return SHOW.withHost(new Dialling(HOST_1, 0)).withHostCalls(1);
    }

    /** The host is in the conference (not yet on air: the slot has not started). */
    static Show placed() {
        return SHOW.withHost(new Placed(HOST_1)).withHostCalls(1);
    }

    /** The slot has started with the host in the conference. */
    static Show live() {
        return placed().start();
    }

    /** The filler's first item plays as {@code playback}, started when the show's next playback was {@code playback}. */
    static Air filling(PlaybackId playback) {
        return new Air(new Air.Filler(new FillerState.Playing(playback, FILL.head(), FILL, Set.of())), playback, FILL,
                JINGLES, 0);
    }

    /** The filler that played its first item as {@code playback} was stopped. */
    static Air afterFiller(PlaybackId playback) {
        return new Air(new Air.Quiet(), playback.next(), FILL.next(), JINGLES, 0);
    }

    /** A jingle plays as {@code playback}; {@code nextJingle} is the index of the one after it. */
    static Air jingle(PlaybackId playback, Media media, int nextJingle) {
        return new Air(new Air.Jingle(playback, media), playback.next(), FILL, JINGLES, nextJingle);
    }

    static Stage waiting(Caller... callers) {
        return new Stage(List.of(callers), Optional.empty(), List.of(), List.of(), List.of(), 0);
    }

    static Stage onAir(Caller caller, Caller... waiting) {
        return new Stage(List.of(waiting), Optional.of(caller), List.of(), List.of(), List.of(), 0);
    }

    static DtmfPressed key(LegId leg, String digits) {
        return new DtmfPressed(at(60), leg, digits);
    }

    /** One row of a transition table: given a state, when an event, then this transition. */
    record Row(String name, LiveTalkState given, Event when, Transition<LiveTalkState> then) {
        @Override
        public String toString() {
            return name;
        }
    }
}
