package org.baraza.daemon.station;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.programs.ProgramRun;

/**
 * What a station needs to run one airing, loaded when the airing is prepared: its conference (the
 * on-air bus), its slot, its program ready to start, and the numbers of its hosts (who may call in to
 * present it).
 */
public record AiringSetup(AiringId id, String conference, Instant plannedStart, Instant plannedEnd, ProgramRun<?> program,
                          List<PhoneNumber> hosts) {

    private static final Pattern CONFERENCE_NAME = Pattern.compile("baraza-s(\\d{1,18})-(a\\d{1,18}|idle)");

    public AiringSetup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conference, "conference");
        Objects.requireNonNull(program, "program");
        hosts = List.copyOf(hosts);
        if (!plannedEnd.isAfter(plannedStart)) {
            throw new IllegalArgumentException(id + ": a slot must end after it starts");
        }
    }

    /**
     * The conference of an airing: one per airing, so back-to-back airings never share one. The name says
     * whose it is, so that FreeSWITCH's conference events find their station without a lookup.
     */
    public static String conferenceOf(StationId station, AiringId id) {
        return "baraza-s" + station.value() + "-a" + id.value();
    }

    /** The conference where a station that keeps its leg plays its filler between airings. */
    public static String idleConferenceOf(StationId station) {
        return "baraza-s" + station.value() + "-idle";
    }

    /** The station a conference of Baraza's belongs to, read from its name. */
    public static Optional<StationId> stationOfConference(String conference) {
        Matcher m = CONFERENCE_NAME.matcher(conference);
        return m.matches() ? Optional.of(new StationId(Long.parseLong(m.group(1)))) : Optional.empty();
    }
}
