package org.baraza.core.db;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DialTemplate;
import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.station.CallSettings;
import org.baraza.core.station.DialString;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationNumber;
import org.baraza.core.station.StationSettings;
import org.baraza.core.station.StationStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

final class JdbiStationStore implements StationStore {

    interface Sql {
        @SqlUpdate("""
                insert into stations (network_id, slug, name, time_zone, languages, keep_leg_between_programs, filler_playlist_id)
                values (:network, :s.slug, :s.name, :s.timeZone, :s.languages, :s.keepLegBetweenPrograms, :s.fillerPlaylistId)
                """)
        @GetGeneratedKeys
        Station insert(NetworkId network, @BindMethods("s") StationSettings settings);

        @SqlQuery("select * from stations where id = :id")
        Optional<Station> find(StationId id);

        @SqlQuery("select * from stations where network_id = :network order by name, id")
        List<Station> list(NetworkId network);

        @SqlUpdate("""
                update stations
                   set slug = :s.slug, name = :s.name, time_zone = :s.timeZone, languages = :s.languages,
                       keep_leg_between_programs = :s.keepLegBetweenPrograms, filler_playlist_id = :s.fillerPlaylistId
                 where id = :id
                """)
        @GetGeneratedKeys
        Optional<Station> update(StationId id, @BindMethods("s") StationSettings settings);

        @SqlUpdate("delete from stations where id = :id")
        int delete(StationId id);

        @SqlUpdate("delete from transmitter_dial_strings where station_id = :station")
        void deleteDialStrings(StationId station);

        @SqlBatch("insert into transmitter_dial_strings (station_id, position, dial_string, label) values (:station, :d.position, :d.dialString, :d.label)")
        void insertDialStrings(StationId station, @BindMethods("d") List<DialString> dialStrings);

        @SqlQuery("select 1 from stations where id = :id for update")
        Optional<Integer> lock(StationId id);

        @Transaction
        default void replaceDialStrings(StationId station, List<DialString> dialStrings) {
            if (lock(station).isEmpty()) {
                throw new DomainException.NotFound(station + " does not exist");
            }
            deleteDialStrings(station);
            insertDialStrings(station, dialStrings);
        }

        @SqlQuery("select position, dial_string, label from transmitter_dial_strings where station_id = :station order by position")
        List<DialString> dialStrings(StationId station);

        @SqlUpdate("insert into station_numbers (station_id, number, voice, sms, label) values (:station, :number, :voice, :sms, :label)")
        @GetGeneratedKeys
        StationNumber insertNumber(StationId station, PhoneNumber number, boolean voice, boolean sms, String label);

        @SqlQuery("select * from station_numbers where station_id = :station order by number")
        List<StationNumber> numbers(StationId station);

        @SqlUpdate("delete from station_numbers where station_id = :station and number = :number")
        int deleteNumber(StationId station, PhoneNumber number);

        @SqlQuery("select s.* from stations s join station_numbers n on n.station_id = s.id where n.number = :number")
        Optional<Station> findByNumber(PhoneNumber number);

        @SqlQuery("""
                select answer_delay_ms, call_back_missed_calls, callback_cooldown_minutes, callbacks_per_day,
                       outbound_dial_template
                  from station_call_settings where station_id = :station
                """)
        Optional<CallSettingsRow> callSettings(StationId station);

        @SqlUpdate("""
                insert into station_call_settings (station_id, answer_delay_ms, call_back_missed_calls,
                                                   callback_cooldown_minutes, callbacks_per_day, outbound_dial_template)
                values (:station, :r.answerDelayMs, :r.callBackMissedCalls, :r.callbackCooldownMinutes, :r.callbacksPerDay,
                        :r.outboundDialTemplate)
                on conflict (station_id) do update
                   set answer_delay_ms = excluded.answer_delay_ms, call_back_missed_calls = excluded.call_back_missed_calls,
                       callback_cooldown_minutes = excluded.callback_cooldown_minutes,
                       callbacks_per_day = excluded.callbacks_per_day, outbound_dial_template = excluded.outbound_dial_template
                """)
        void putCallSettings(StationId station, @BindMethods("r") CallSettingsRow row);
    }

    /** {@link CallSettings} as the table holds them. */
    public record CallSettingsRow(int answerDelayMs, boolean callBackMissedCalls, int callbackCooldownMinutes,
                                  int callbacksPerDay, String outboundDialTemplate) {
        static CallSettingsRow of(CallSettings settings) {
            return new CallSettingsRow((int) settings.answerDelay().toMillis(), settings.callBackMissedCalls(),
                    (int) settings.callbackCooldown().toMinutes(), settings.callbacksPerDay(),
                    settings.outboundDialTemplate() == null ? null : settings.outboundDialTemplate().template());
        }

        CallSettings settings() {
            return new CallSettings(Duration.ofMillis(answerDelayMs), callBackMissedCalls, Duration.ofMinutes(callbackCooldownMinutes),
                    callbacksPerDay, outboundDialTemplate == null ? null : new DialTemplate(outboundDialTemplate));
        }
    }

    private final Sql sql;

    JdbiStationStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Station.class, StationNumber.class, DialString.class, CallSettingsRow.class);
    }

    @Override
    public Station create(NetworkId network, StationSettings settings) {
        return Constraints.on("stations_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("stations_slug_unique", () -> new DomainException.AlreadyExists(
                        network + " already has a station named " + settings.slug()))
                .and("stations_filler_playlist_fk", () -> new DomainException.NotFound(
                        settings.fillerPlaylistId() + " does not exist in " + network))
                .run(() -> sql.insert(network, settings));
    }

    @Override
    public CallSettings callSettings(StationId id) {
        return sql.callSettings(id).map(CallSettingsRow::settings).orElse(CallSettings.DEFAULTS);
    }

    @Override
    public void setCallSettings(StationId id, CallSettings settings) {
        Require.present("call settings", settings);
        Constraints.on("station_call_settings_station_fk", () -> notFound(id))
                .run(() -> {
                    sql.putCallSettings(id, CallSettingsRow.of(settings));
                    return null;
                });
    }

    @Override
    public Optional<Station> find(StationId id) {
        return sql.find(id);
    }

    @Override
    public Station get(StationId id) {
        return sql.find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Station> list(NetworkId network) {
        return sql.list(network);
    }

    @Override
    public Station update(StationId id, StationSettings settings) {
        return Constraints.on("stations_slug_unique", () -> new DomainException.AlreadyExists(
                        "the network already has a station named " + settings.slug()))
                .and("stations_filler_playlist_fk", () -> new DomainException.NotFound(
                        settings.fillerPlaylistId() + " does not exist in the station's network"))
                .run(() -> sql.update(id, settings))
                .orElseThrow(() -> notFound(id));
    }

    @Override
    public void delete(StationId id) {
        int deleted = Constraints.on("airings_station_fk", () -> inUse(id, "airings in its as-aired log"))
                .and("calls_station_fk", () -> inUse(id, "calls in its call log"))
                .and("legs_station_fk", () -> inUse(id, "call legs in its call log"))
                .and("recordings_station_fk", () -> inUse(id, "recordings"))
                .and("sms_messages_station_fk", () -> inUse(id, "SMS messages"))
                .and("polls_station_fk", () -> inUse(id, "polls"))
                .and("media_assets_station_fk", () -> inUse(id, "media of its own"))
                .run(() -> sql.delete(id));
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    @Override
    public void replaceDialStrings(StationId id, List<DialString> dialStrings) {
        long distinct = dialStrings.stream().mapToInt(DialString::position).distinct().count();
        if (distinct != dialStrings.size()) {
            throw new DomainException.Invalid("two dial strings of " + id + " have the same position");
        }
        sql.replaceDialStrings(id, dialStrings);
    }

    @Override
    public List<DialString> dialStrings(StationId id) {
        return sql.dialStrings(id);
    }

    @Override
    public StationNumber addNumber(StationId id, PhoneNumber number, boolean voice, boolean sms, String label) {
        if (!voice && !sms) {
            throw new DomainException.Invalid("number " + number + " must be used for voice, SMS or both");
        }
        String checkedLabel = Require.optionalText("number label", label, 200);
        return Constraints.on("station_numbers_station_fk", () -> notFound(id))
                .and("station_numbers_number_unique", () -> new DomainException.AlreadyExists(
                        "number " + number + " already reaches a station"))
                .run(() -> sql.insertNumber(id, number, voice, sms, checkedLabel));
    }

    @Override
    public List<StationNumber> numbers(StationId id) {
        return sql.numbers(id);
    }

    @Override
    public void removeNumber(StationId id, PhoneNumber number) {
        if (sql.deleteNumber(id, number) == 0) {
            throw new DomainException.NotFound("number " + number + " does not reach " + id);
        }
    }

    @Override
    public Optional<Station> findByNumber(PhoneNumber number) {
        return sql.findByNumber(number);
    }

    private static DomainException notFound(StationId id) {
        return new DomainException.NotFound(id + " does not exist");
    }

    private static DomainException inUse(StationId id, String what) {
        return new DomainException.InUse(id + " still has " + what + "; it cannot be deleted");
    }
}
