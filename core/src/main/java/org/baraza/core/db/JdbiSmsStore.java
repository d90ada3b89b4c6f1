package org.baraza.core.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.sms.DeliveryReport;
import org.baraza.core.sms.InboundSms;
import org.baraza.core.sms.SmsDirection;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsStore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

final class JdbiSmsStore implements SmsStore {

    interface Sql {
        @SqlQuery("""
                insert into sms_messages (network_id, station_id, direction, provider, provider_message_id,
                                          from_address, to_address, body, status, created_at, status_at)
                values (:s.network, :s.station, 'inbound', :s.provider, :s.providerMessageId,
                        :s.fromAddress, :s.toAddress, :s.body, 'received', :s.receivedAt, :s.receivedAt)
                returning *
                """)
        SmsMessage insertInbound(@BindMethods("s") InboundSms sms);

        @SqlQuery("select * from sms_messages where provider = :provider and provider_message_id = :providerMessageId")
        Optional<SmsMessage> findByProviderId(String provider, String providerMessageId);

        @SqlUpdate("update sms_messages set routed_at = :at where id = :id and direction = 'inbound' and routed_at is null")
        int markRouted(SmsMessageId id, Instant at);

        @SqlQuery("select exists (select 1 from sms_messages where id = :id and routed_at is not null)")
        boolean isRouted(SmsMessageId id);

        // Only a received message is filed, and only under an airing of its own station.
        @SqlQuery("""
                update sms_messages m set airing_id = a.id
                  from airings a
                 where m.id = :id and m.direction = 'inbound' and a.id = :airing and a.station_id = m.station_id
                returning m.*
                """)
        Optional<SmsMessage> fileUnder(SmsMessageId id, AiringId airing);

        @SqlQuery("""
                select * from sms_messages
                 where station_id = :station and direction = 'inbound' and created_at >= :since and created_at < :until
                 order by created_at, id
                """)
        List<SmsMessage> stationInbox(StationId station, Instant since, Instant until);

        @SqlQuery("select * from sms_messages where airing_id = :airing and direction = 'inbound' order by created_at, id")
        List<SmsMessage> airingInbox(AiringId airing);

        @SqlQuery("""
                select * from (select * from sms_messages
                                where network_id = :network and (from_address = :number or to_address = :number)
                                order by created_at desc, id desc
                                limit :limit) latest
                 order by created_at, id
                """)
        List<SmsMessage> conversation(NetworkId network, PhoneNumber number, int limit);
    }

    private final Sql sql;
    private final SmsMessageSql messages;

    JdbiSmsStore(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, SmsMessage.class);
        this.messages = RecordRows.onDemand(jdbi, SmsMessageSql.class, SmsMessage.class);
    }

    @Override
    public SmsMessage storeInbound(InboundSms sms) {
        return Constraints.on("sms_messages_provider_message_once", () -> new DomainException.AlreadyExists(
                        sms.provider() + " message " + sms.providerMessageId() + " is already stored"))
                .and("sms_messages_network_fk", () -> new DomainException.NotFound(sms.network() + " does not exist"))
                .and("sms_messages_station_fk", () -> new DomainException.NotFound(
                        sms.station() + " does not exist in " + sms.network()))
                .run(() -> sql.insertInbound(sms));
    }

    @Override
    public Optional<SmsMessage> find(SmsMessageId id) {
        return messages.find(id);
    }

    @Override
    public SmsMessage get(SmsMessageId id) {
        return messages.find(id).orElseThrow(() -> new DomainException.NotFound(id + " does not exist"));
    }

    @Override
    public boolean markRouted(SmsMessageId id, Instant at) {
        return sql.markRouted(id, at) == 1;
    }

    @Override
    public boolean isRouted(SmsMessageId id) {
        return sql.isRouted(id);
    }

    @Override
    public Optional<SmsMessage> findByProviderId(String provider, String providerMessageId) {
        return sql.findByProviderId(provider, providerMessageId);
    }

    @Override
    public Optional<SmsMessage> recordStatus(DeliveryReport report) {
        messages.advance(report);
        return sql.findByProviderId(report.provider(), report.providerMessageId())
                .filter(message -> message.direction() == SmsDirection.OUTBOUND);
    }

    @Override
    public SmsMessage recordStatus(SmsMessageId id, DeliveryReport report) {
        SmsMessage message = get(id);
        if (!message.provider().equals(report.provider())) {
            throw new DomainException.Conflict(id + " was sent through " + message.provider() + ", not " + report.provider());
        }
        return acknowledge(messages, id, report);
    }

    /** Shared with the outbox, which acknowledges the provider's acceptance the same way. */
    static SmsMessage acknowledge(SmsMessageSql messages, SmsMessageId id, DeliveryReport report) {
        return Constraints.on("sms_messages_provider_message_once", () -> new DomainException.AlreadyExists(
                        report.provider() + " message " + report.providerMessageId() + " is already recorded for another SMS message"))
                .run(() -> messages.acknowledge(id, report))
                .orElseThrow(() -> new DomainException.NotFound(id + " is not an outbound message"));
    }

    @Override
    public SmsMessage fileUnder(SmsMessageId id, AiringId airing) {
        return sql.fileUnder(id, airing).orElseThrow(() -> whyNotFiled(get(id), airing));
    }

    private static DomainException whyNotFiled(SmsMessage message, AiringId airing) {
        if (message.direction() != SmsDirection.INBOUND) {
            return new DomainException.Invalid(message.id() + " was sent, not received: only received messages go to a show's inbox");
        }
        if (message.stationId() == null) {
            return new DomainException.Invalid(message.id() + " reached no station, so it cannot go to a show's inbox");
        }
        return new DomainException.NotFound(airing + " is not an airing of " + message.stationId());
    }

    @Override
    public List<SmsMessage> inbox(StationId station, Instant since, Instant until) {
        return sql.stationInbox(station, since, until);
    }

    @Override
    public List<SmsMessage> inbox(AiringId airing) {
        return sql.airingInbox(airing);
    }

    @Override
    public List<SmsMessage> conversation(NetworkId network, PhoneNumber number, int limit) {
        return sql.conversation(network, number, Require.range("conversation length", limit, 1, 1000));
    }
}
