package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.sms.OptOut;
import org.baraza.core.sms.Subscription;
import org.baraza.core.sms.SubscriptionStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiSubscriptionStore implements SubscriptionStore {

    interface Sql {
        // The network comes from the station, so that the program must be in the station's network.
        @SqlQuery("""
                insert into sms_subscriptions (network_id, station_id, program_id, phone_number, created_at)
                select s.network_id, s.id, :program, :number, :at from stations s where s.id = :station
                on conflict on constraint sms_subscriptions_once do nothing
                returning *
                """)
        Optional<Subscription> insert(StationId station, ProgramId program, PhoneNumber number, Instant at);

        @SqlQuery("""
                select * from sms_subscriptions
                 where station_id = :station and program_id is not distinct from :program and phone_number = :number
                """)
        Optional<Subscription> find(StationId station, ProgramId program, PhoneNumber number);

        @SqlUpdate("""
                delete from sms_subscriptions
                 where station_id = :station and program_id is not distinct from :program and phone_number = :number
                """)
        int delete(StationId station, ProgramId program, PhoneNumber number);

        @SqlQuery("""
                select s.phone_number from sms_subscriptions s
                 where s.station_id = :station and s.program_id is not distinct from :program
                   and not exists (select 1 from sms_opt_outs x where x.network_id = s.network_id and x.phone_number = s.phone_number)
                 order by s.phone_number
                """)
        List<PhoneNumber> subscribers(StationId station, ProgramId program);

        @SqlQuery("""
                insert into sms_opt_outs (network_id, phone_number, opted_out_at, source_message_id)
                values (:network, :number, :at, :source)
                on conflict (network_id, phone_number) do nothing
                returning *
                """)
        Optional<OptOut> insertOptOut(NetworkId network, PhoneNumber number, SmsMessageId source, Instant at);

        @SqlQuery("select * from sms_opt_outs where network_id = :network and phone_number = :number")
        Optional<OptOut> findOptOut(NetworkId network, PhoneNumber number);

        @SqlUpdate("delete from sms_opt_outs where network_id = :network and phone_number = :number")
        int deleteOptOut(NetworkId network, PhoneNumber number);
    }

    private final Sql sql;

    JdbiSubscriptionStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, Subscription.class, OptOut.class);
    }

    @Override
    public Subscription subscribe(StationId station, ProgramId program, PhoneNumber number, Instant at) {
        Require.present("subscribing number", number);
        Require.present("subscription time", at);
        return Constraints.on("sms_subscriptions_program_fk", () -> new DomainException.NotFound(
                        program + " does not exist in the network of " + station))
                .run(() -> sql.insert(station, program, number, at))
                .or(() -> sql.find(station, program, number))
                .orElseThrow(() -> new DomainException.NotFound(station + " does not exist"));
    }

    @Override
    public boolean unsubscribe(StationId station, ProgramId program, PhoneNumber number) {
        return sql.delete(station, program, number) > 0;
    }

    @Override
    public List<PhoneNumber> subscribers(StationId station, ProgramId program) {
        return sql.subscribers(station, program);
    }

    @Override
    public OptOut optOut(NetworkId network, PhoneNumber number, SmsMessageId source, Instant at) {
        Require.present("opting-out number", number);
        Require.present("opt-out time", at);
        return Constraints.on("sms_opt_outs_network_fk", () -> new DomainException.NotFound(network + " does not exist"))
                .and("sms_opt_outs_message_fk", () -> new DomainException.NotFound(source + " does not exist"))
                .run(() -> sql.insertOptOut(network, number, source, at))
                .or(() -> sql.findOptOut(network, number))
                .orElseThrow(() -> new DomainException.Conflict(number + " texted START while its STOP was being recorded"));
    }

    @Override
    public boolean optIn(NetworkId network, PhoneNumber number) {
        return sql.deleteOptOut(network, number) > 0;
    }

    @Override
    public boolean isOptedOut(NetworkId network, PhoneNumber number) {
        return sql.findOptOut(network, number).isPresent();
    }
}
