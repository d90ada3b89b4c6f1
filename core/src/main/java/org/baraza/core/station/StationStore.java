package org.baraza.core.station;

import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;

/** Stations, the numbers that reach them and the dial strings that reach their transmitters. */
public interface StationStore {

    /**
     * @throws org.baraza.core.DomainException.NotFound      when the network does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the network has a station with the slug
     */
    Station create(NetworkId network, StationSettings settings);

    Optional<Station> find(StationId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such station */
    Station get(StationId id);

    List<Station> list(NetworkId network);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such station */
    Station update(StationId id, StationSettings settings);

    /**
     * Removes a station with its configuration (numbers, dial strings, schedules).
     *
     * @throws org.baraza.core.DomainException.InUse when history refers to it: airings, calls, SMS, ...
     */
    void delete(StationId id);

    /** Replaces the station's dial strings with these, in their positions. */
    void replaceDialStrings(StationId id, List<DialString> dialStrings);

    /** The station's dial strings in the order to try them. */
    List<DialString> dialStrings(StationId id);

    /** @throws org.baraza.core.DomainException.AlreadyExists when the number already reaches a station */
    StationNumber addNumber(StationId id, PhoneNumber number, boolean voice, boolean sms, String label);

    List<StationNumber> numbers(StationId id);

    void removeNumber(StationId id, PhoneNumber number);

    /** The station a dialled or texted number belongs to. */
    Optional<Station> findByNumber(PhoneNumber number);

    /** How the station takes calls; {@link CallSettings#DEFAULTS} until it set its own. */
    CallSettings callSettings(StationId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such station */
    void setCallSettings(StationId id, CallSettings settings);
}
