package org.baraza.daemon.station;

import java.util.Map;
import java.util.Optional;

import org.baraza.core.Ids.StationId;
import org.baraza.daemon.esl.SwitchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a daemon's stations each FreeSWITCH event goes to: a channel's event to the station its
 * {@code baraza_station} variable names, a conference's to the station whose conference it is, a key press (which
 * FreeSWITCH sends without the channel's variables) to the station that follows the leg ({@link LegOwners}), and
 * the connection's comings and goings to every station. It puts the event in those stations' mailboxes and nothing
 * more.
 *
 * <p>One per daemon, for the daemon's life, reading the daemon's live map of its stations. Thread-safe: called on
 * the ESL client's threads, it never blocks.
 */
public final class SwitchEventRouter {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchEventRouter.class);

    private final Map<StationId, StationActor> stations;
    private final LegOwners owners;

    /** @param stations the daemon's stations, as they come and go (a concurrent map the daemon keeps) */
    public SwitchEventRouter(Map<StationId, StationActor> stations, LegOwners owners) {
        this.stations = stations;
        this.owners = owners;
    }

    /** To the mailbox of every station the event is about; an event about no station here is dropped. */
    public void route(SwitchEvent event) {
        switch (event) {
            case SwitchEvent.Connected connected -> stations.values().forEach(actor -> actor.switchEvent(event));
            case SwitchEvent.Disconnected disconnected -> stations.values().forEach(actor -> actor.switchEvent(event));
            case SwitchEvent.ConferenceActivity activity -> AiringSetup.stationOfConference(activity.conference())
                    .map(stations::get).ifPresent(actor -> actor.switchEvent(event));
            case SwitchEvent.ChannelAnswered answered -> stationOf(answered.variables()).ifPresent(actor -> actor.switchEvent(event));
            case SwitchEvent.ChannelHungUp hungUp -> stationOf(hungUp.variables()).ifPresent(actor -> actor.switchEvent(event));
            // FreeSWITCH sends a DTMF event without the channel's variables (they come only with verbose events):
            // it goes to the one station that follows the leg, found by the channel's uuid.
            case SwitchEvent.DtmfReceived dtmf -> stationOf(dtmf.variables())
                    .or(() -> owners.ownerOf(dtmf.uuid()).map(stations::get))
                    .ifPresentOrElse(actor -> actor.switchEvent(event),
                            () -> LOG.debug("DTMF {} on {}, a leg no station here follows: dropped", dtmf.digit(), dtmf.uuid()));
        }
    }

    private Optional<StationActor> stationOf(Map<String, String> variables) {
        String station = variables.get("baraza_station");
        if (station == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(stations.get(new StationId(Long.parseLong(station))));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
