package org.baraza.sim.internal.conference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baraza.sim.internal.loop.Timer;

/**
 * One running conference: its members in the order they joined, the floor holder, the files queued to play
 * into it (one plays at a time, plus one async file), its recordings, and whether it is locked. Created when
 * its first member joins and destroyed when its last leaves. Switch thread only.
 */
final class Conference {
    /** A file in the conference's queue or a member's; the head plays, the rest wait. */
    static final class PlayingFile {
        final String file;
        final boolean async;
        /** The member who alone hears it ({@code play <file> <member_id>}), or null for the whole conference. */
        final Member member;
        long startedMicros;
        Timer end;

        PlayingFile(String file, boolean async, Member member) {
            this.file = file;
            this.async = async;
            this.member = member;
        }
    }

    record Recording(String path, long startedMicros) {
    }

    private final String name;
    private final String profileName;
    private final String domain;
    private final String uuid;
    private final long createdMicros;
    private final ConferenceProfile profile;
    private final Map<Integer, Member> members = new LinkedHashMap<>();
    final List<PlayingFile> files = new ArrayList<>();
    PlayingFile asyncFile;
    final Map<String, Recording> recordings = new LinkedHashMap<>();
    Timer holdMusicRetry;
    private Member floorHolder;
    private boolean locked;
    private int presenceCount;

    Conference(String name, String profileName, String domain, String uuid, long createdMicros,
               ConferenceProfile profile) {
        this.name = name;
        this.profileName = profileName;
        this.domain = domain;
        this.uuid = uuid;
        this.createdMicros = createdMicros;
        this.profile = profile;
    }

    String name() {
        return name;
    }

    String profileName() {
        return profileName;
    }

    String domain() {
        return domain;
    }

    String uuid() {
        return uuid;
    }

    long createdMicros() {
        return createdMicros;
    }

    ConferenceProfile profile() {
        return profile;
    }

    int size() {
        return members.size();
    }

    /** Members in joining order. */
    List<Member> members() {
        return List.copyOf(members.values());
    }

    Optional<Member> member(int id) {
        return Optional.ofNullable(members.get(id));
    }

    void add(Member m) {
        members.put(m.id(), m);
    }

    void remove(Member m) {
        members.remove(m.id());
    }

    Member floorHolder() {
        return floorHolder;
    }

    void floorHolder(Member m) {
        floorHolder = m;
    }

    boolean locked() {
        return locked;
    }

    void locked(boolean value) {
        locked = value;
    }

    boolean recording() {
        return !recordings.isEmpty();
    }

    boolean playing() {
        return !files.isEmpty() || asyncFile != null;
    }

    int nextPresenceCount() {
        return presenceCount++;
    }
}
