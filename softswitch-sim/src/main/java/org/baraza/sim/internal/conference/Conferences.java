package org.baraza.sim.internal.conference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.baraza.sim.ConferenceView;
import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.Switchboard;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.event.EventSource;
import org.baraza.sim.internal.media.MediaFiles;

/**
 * Every conference of the switch (mod_conference): created on the first join, destroyed when the last member
 * leaves, with the events, floor, presence and profile sounds the transcripts show. Member ids are numbered
 * across the whole switch. Lives as long as the simulator; switch thread only.
 */
public final class Conferences {
    private static final Duration HOLD_MUSIC_RETRY = Duration.ofSeconds(2);

    private final Switchboard board;
    private final ConferenceEvents events;
    private final ConferenceFiles files;
    private final ConferenceProfile profile;
    private final String domain;
    private final Map<String, Conference> conferences = new LinkedHashMap<>();
    private int nextMemberId = 1;

    public Conferences(Switchboard board, MediaFiles media, ConferenceProfile profile, String domain) {
        this.board = board;
        this.events = new ConferenceEvents(board.events());
        this.files = new ConferenceFiles(events, media, board.loop());
        this.profile = profile;
        this.domain = domain;
        board.registerApplication("conference", call -> new ConferenceApp(this));
        board.onTalking(this::talking);
    }

    Optional<Conference> find(String name) {
        return Optional.ofNullable(conferences.get(name));
    }

    List<Conference> all() {
        return List.copyOf(conferences.values());
    }

    /** Every conference and its members, as the Java API shows them. */
    public List<ConferenceView> describe() {
        List<ConferenceView> out = new ArrayList<>();
        for (Conference c : conferences.values()) {
            List<ConferenceView.Member> members = new ArrayList<>();
            for (Member m : c.members()) {
                members.add(new ConferenceView.Member(m.id(), m.leg().uuid(), m.leg().channel().name(), m.canHear(),
                        m.canSpeak(), m.talking(), c.floorHolder() == m, m.moderator()));
            }
            out.add(new ConferenceView(c.name(), c.uuid(), c.locked(), c.recording(), members));
        }
        return out;
    }

    ConferenceEvents events() {
        return events;
    }

    ConferenceFiles files() {
        return files;
    }

    Switchboard board() {
        return board;
    }

    /** A member joins (creating the conference); empty when the conference is locked. */
    Optional<Member> join(Leg leg, String name, String profileName, JoinFlags flags, Runnable onLeave) {
        Conference c = conferences.get(name);
        if (c != null && c.locked()) {
            return Optional.empty();
        }
        if (c == null) {
            c = new Conference(name, profileName, domain, UUID.randomUUID().toString(), events.nowMicros(), profile);
            conferences.put(name, c);
            events.fire(events.conference(EventSource.CONFERENCE_CREATE, c).header("Action", "conference-create"));
        }
        board.answer(leg);
        Member m = new Member(nextMemberId++, leg, events.nowMicros(), flags.moderator(), flags.endConference(), onLeave);
        if (flags.mute()) {
            m.canSpeak(false);
        }
        if (flags.deaf()) {
            m.canHear(false);
        }
        Channel ch = leg.channel();
        ch.variable("conference_name", name);
        ch.variable("app_session_uuid", c.uuid());
        ch.variable("conference_member_id", Integer.toString(m.id()));
        ch.variable("conference_moderator", Boolean.toString(m.moderator()));
        ch.variable("conference_ghost", "false");
        ch.variable("conference_uuid", c.uuid());
        c.add(m);
        events.codec(ch);
        if (c.size() == 1) {
            playSound(c, profile.aloneSound());
        }
        events.member(EventSource.CONFERENCE_ADD_MEMBER, c, m, "add-member");
        events.presence(c);
        if (c.floorHolder() == null) {
            c.floorHolder(m);
            events.floorChange(c, m);
        }
        if (c.size() > 1) {
            playSound(c, profile.enterSound());
        }
        holdMusic(c);
        return Optional.of(m);
    }

    /** A member leaves: because it hangs up or is transferred (the app ends by itself) or is made to leave. */
    void leave(Conference c, Member m, boolean tellMember) {
        if (c.member(m.id()).isEmpty()) {
            return;
        }
        c.remove(m);
        files.closeMember(c, m);
        boolean heldFloor = c.floorHolder() == m;
        if (heldFloor) {
            c.floorHolder(null);
            events.floorChange(c, null);
        }
        if (c.size() > 0) {
            events.presence(c);
        }
        if (c.size() == 1) {
            playSound(c, profile.aloneSound());
        }
        events.member(EventSource.CONFERENCE_DEL_MEMBER, c, m, "del-member");
        events.codec(m.leg().channel());
        if (tellMember) {
            m.onLeave().run();
        }
        if (c.size() > 0) {
            if (heldFloor && c.floorHolder() == null) {
                // The floor passes to the newest member (commands.log: 9103-b takes it when 9100-b goes).
                Member newest = c.members().getLast();
                c.floorHolder(newest);
                events.floorChange(c, newest);
            }
            playSound(c, profile.exitSound());
            holdMusic(c);
            if (m.endsConference()) {
                for (Member other : c.members()) {
                    leave(c, other, true);
                }
            }
        } else {
            destroy(c);
        }
    }

    /** A phone in a conference starts or stops talking. */
    private void talking(Leg leg, boolean talking) {
        for (Conference c : all()) {
            for (Member m : c.members()) {
                if (m.leg() == leg && m.canSpeak() && m.talking() != talking) {
                    m.talking(talking, events.nowMicros());
                    events.member(EventSource.CONFERENCE_TALKING, c, m, talking ? "start-talking" : "stop-talking");
                    if (talking && c.floorHolder() == null) {
                        c.floorHolder(m);
                        events.floorChange(c, m);
                    }
                }
            }
        }
    }

    private void destroy(Conference c) {
        if (c.holdMusicRetry != null) {
            c.holdMusicRetry.cancel();
        }
        events.presence(c);
        files.closeAll(c);
        for (String path : new ArrayList<>(c.recordings.keySet())) {
            ConferenceRecorder.stop(this, c, path);
        }
        events.fire(events.conference(EventSource.CONFERENCE_DESTROY, c).header("Action", "conference-destroy"));
        conferences.remove(c.name());
    }

    private void playSound(Conference c, String sound) {
        if (sound != null) {
            files.play(c, sound, false);
        }
    }

    /**
     * While one member is alone and nothing plays, the profile's hold music is tried, and tried again every two
     * seconds as the transcripts show FreeSWITCH doing when the music cannot be opened.
     */
    private void holdMusic(Conference c) {
        if (c.holdMusicRetry != null) {
            c.holdMusicRetry.cancel();
            c.holdMusicRetry = null;
        }
        if (profile.holdMusic() == null || c.size() != 1) {
            return;
        }
        if (!c.playing()) {
            files.play(c, profile.holdMusic(), true);
        }
        c.holdMusicRetry = board.loop().schedule(HOLD_MUSIC_RETRY, () -> {
            c.holdMusicRetry = null;
            if (conferences.get(c.name()) == c) {
                holdMusic(c);
            }
        });
    }
}
