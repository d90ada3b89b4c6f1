package org.baraza.core.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.Require;
import org.baraza.core.sms.DeliveryReport;
import org.baraza.core.sms.OutboundSms;
import org.baraza.core.sms.OutboxEntry;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsOutbox;
import org.baraza.core.sms.SmsStatus;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

final class JdbiSmsOutbox implements SmsOutbox {

    /** An outbox row; {@link #of} joins it to its message. Public only for Jdbi's constructor mapper; the class hides it. */
    public record Entry(SmsMessageId messageId, int attempts, Instant nextAttemptAt, String lockedBy, Instant lockedUntil,
                 String lastError, boolean stopConfirmation, Instant handedOverAt) {
        OutboxEntry of(SmsMessage message) {
            return new OutboxEntry(message, attempts, nextAttemptAt, lockedBy, lockedUntil, lastError, stopConfirmation,
                    handedOverAt);
        }
    }

    interface Sql {
        @SqlQuery("select exists (select 1 from sms_opt_outs where network_id = :network and phone_number = :number)")
        boolean optedOut(NetworkId network, PhoneNumber number);

        @SqlQuery("select * from sms_messages where idempotency_key = :key")
        Optional<SmsMessage> findByKey(String key);

        // A concurrent enqueue of the same key waits here for the first to commit, then inserts nothing.
        @SqlQuery("""
                insert into sms_messages (network_id, station_id, direction, provider, idempotency_key,
                                          from_address, to_address, body, status, created_at, status_at)
                values (:s.network, :s.station, 'outbound', :s.provider, :s.idempotencyKey,
                        :s.from, :s.to, :s.body, 'queued', :now, :now)
                on conflict (idempotency_key) do nothing
                returning *
                """)
        Optional<SmsMessage> insertQueued(@BindMethods("s") OutboundSms sms, Instant now);

        @SqlUpdate("""
                insert into sms_outbox (message_id, sender, next_attempt_at, stop_confirmation, created_at)
                values (:id, :s.from, :now, :s.stopConfirmation, :now)
                """)
        void insertEntry(SmsMessageId id, @BindMethods("s") OutboundSms sms, Instant now);

        @Transaction
        default SmsMessage enqueue(OutboundSms sms, Instant now) {
            Optional<SmsMessage> earlier = findByKey(sms.idempotencyKey());
            if (earlier.isPresent()) {
                return sameMessage(earlier.get(), sms);
            }
            if (!sms.stopConfirmation() && optedOut(sms.network(), sms.to())) {
                throw new DomainException.Conflict(sms.to() + " opted out of " + sms.network()
                        + " (texted STOP): it receives nothing until it texts START");
            }
            Optional<SmsMessage> queued = insertQueued(sms, now);
            if (queued.isEmpty()) {
                return sameMessage(findByKey(sms.idempotencyKey()).orElseThrow(), sms);
            }
            insertEntry(queued.get().id(), sms, now);
            return queued.get();
        }

        // Skip locked: a row another worker is settling is left to it, so sweeps never wait on each other. A message
        // handed over already may have reached the provider: it is claimed, so the worker asks before failing it.
        @SqlUpdate("""
                with stopped as (
                    select o.message_id from sms_outbox o join sms_messages m on m.id = o.message_id
                     where not o.stop_confirmation and o.handed_over_at is null
                       and o.next_attempt_at <= :now and (o.locked_until is null or o.locked_until <= :now)
                       and exists (select 1 from sms_opt_outs x where x.network_id = m.network_id and x.phone_number = m.to_address)
                       for update of o skip locked),
                gone as (delete from sms_outbox where message_id in (select message_id from stopped) returning message_id)
                update sms_messages
                   set status = 'failed', status_at = :now, error_code = :code,
                       error_message = 'the recipient texted STOP after it was queued'
                 where id in (select message_id from gone)
                """)
        int dropOptedOut(Instant now, String code);

        @SqlQuery("""
                with due as (
                    select o.message_id from sms_outbox o join sms_messages m on m.id = o.message_id
                     where o.next_attempt_at <= :now and (o.locked_until is null or o.locked_until <= :now)
                       and (o.stop_confirmation or o.handed_over_at is not null or not exists (
                           select 1 from sms_opt_outs x where x.network_id = m.network_id and x.phone_number = m.to_address))
                     order by o.next_attempt_at, o.message_id
                     limit :limit
                       for update of o skip locked)
                update sms_outbox o set locked_by = :worker, locked_until = :until
                  from due where o.message_id = due.message_id
                returning o.*
                """)
        List<Entry> lock(String worker, Instant now, Instant until, int limit);

        @SqlQuery("select * from sms_messages where id in (<ids>)")
        List<SmsMessage> messages(@BindList("ids") List<SmsMessageId> ids);

        @Transaction
        default List<OutboxEntry> claim(String worker, Instant now, Instant until, int limit) {
            dropOptedOut(now, OPTED_OUT);
            List<Entry> entries = lock(worker, now, until, limit);
            if (entries.isEmpty()) {
                return List.of();
            }
            Map<SmsMessageId, SmsMessage> byId = messages(entries.stream().map(Entry::messageId).toList()).stream()
                    .collect(Collectors.toMap(SmsMessage::id, Function.identity()));
            return entries.stream().map(entry -> entry.of(byId.get(entry.messageId()))).toList();
        }

        @SqlUpdate("""
                update sms_outbox
                   set attempts = attempts + :attempts, last_error = coalesce(:error, last_error),
                       next_attempt_at = :next, locked_by = null, locked_until = null
                 where message_id = :id and locked_by = :worker
                """)
        int unlock(SmsMessageId id, String worker, int attempts, String error, Instant next);

        @SqlUpdate("""
                update sms_outbox set handed_over_at = coalesce(handed_over_at, :at), locked_until = :until
                 where message_id = :id and locked_by = :worker and locked_until > :at
                """)
        int handOver(SmsMessageId id, String worker, Instant at, Instant until);

        @SqlUpdate("delete from sms_outbox where message_id = :id and locked_by = :worker")
        int remove(SmsMessageId id, String worker);

        @SqlUpdate("""
                update sms_messages set status = 'failed', status_at = :at, error_code = :code, error_message = :message
                 where id = :id and sms_status_rank(status) < sms_status_rank('failed')
                """)
        void markFailed(SmsMessageId id, String code, String message, Instant at);

        @Transaction
        default boolean fail(SmsMessageId id, String worker, String code, String message, Instant at) {
            if (remove(id, worker) == 0) {
                return false;
            }
            markFailed(id, code, message, at);
            return true;
        }

        @SqlQuery("select * from sms_outbox where message_id = :id")
        Optional<Entry> entry(SmsMessageId id);
    }

    private static final int ERROR_LENGTH = 1000;

    private final Sql sql;
    private final SmsMessageSql messages;

    JdbiSmsOutbox(Jdbi jdbi) {
        this.sql = RecordRows.onDemand(jdbi, Sql.class, SmsMessage.class, Entry.class);
        this.messages = RecordRows.onDemand(jdbi, SmsMessageSql.class, SmsMessage.class);
    }

    @Override
    public SmsMessage enqueue(OutboundSms sms, Instant now) {
        Require.present("enqueue time", now);
        return Constraints.on("sms_messages_network_fk", () -> new DomainException.NotFound(sms.network() + " does not exist"))
                .and("sms_messages_station_fk", () -> new DomainException.NotFound(sms.station() + " does not exist in " + sms.network()))
                .run(() -> sql.enqueue(sms, now));
    }

    @Override
    public List<OutboxEntry> claim(String worker, Instant now, Duration lease, int limit) {
        requireWorker(worker);
        requireLease(lease);
        return sql.claim(worker, now, now.plus(lease), Require.range("claim size", limit, 1, 1000));
    }

    @Override
    public SmsMessage markSent(SmsMessageId id, String providerMessageId, Instant at) {
        SmsMessage message = messages.find(id).orElseThrow(() -> new DomainException.NotFound(id + " does not exist"));
        return JdbiSmsStore.acknowledge(messages, id,
                DeliveryReport.of(message.provider(), providerMessageId, SmsStatus.SENT, at));
    }

    @Override
    public boolean handOver(SmsMessageId id, String worker, Instant at, Duration lease) {
        requireWorker(worker);
        requireLease(lease);
        return sql.handOver(id, worker, Require.present("hand-over time", at), at.plus(lease)) == 1;
    }

    @Override
    public boolean retry(SmsMessageId id, String worker, String error, Instant nextAttemptAt) {
        requireWorker(worker);
        return sql.unlock(id, worker, 1, clip(Require.present("retry error", error)), nextAttemptAt) == 1;
    }

    @Override
    public boolean release(SmsMessageId id, String worker, Instant nextAttemptAt) {
        requireWorker(worker);
        return sql.unlock(id, worker, 0, null, nextAttemptAt) == 1;
    }

    @Override
    public boolean fail(SmsMessageId id, String worker, String errorCode, String errorMessage, Instant at) {
        requireWorker(worker);
        Require.optionalText("SMS error code", errorCode, 50);
        return sql.fail(id, worker, errorCode, clip(errorMessage), at);
    }

    @Override
    public Optional<OutboxEntry> find(SmsMessageId id) {
        return sql.entry(id).flatMap(entry -> messages.find(id).map(entry::of));
    }

    private static SmsMessage sameMessage(SmsMessage earlier, OutboundSms sms) {
        boolean same = earlier.networkId().equals(sms.network()) && Objects.equals(earlier.stationId(), sms.station())
                && earlier.provider().equals(sms.provider()) && earlier.fromAddress().equals(sms.from().value())
                && earlier.toAddress().equals(sms.to().value()) && earlier.body().equals(sms.body());
        if (!same) {
            throw new DomainException.Conflict("idempotency key \"" + sms.idempotencyKey() + "\" was already used for "
                    + earlier.id() + ", a different message");
        }
        return earlier;
    }

    private static void requireLease(Duration lease) {
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new DomainException.Invalid("an outbox lease must be positive, got " + lease);
        }
    }

    private static void requireWorker(String worker) {
        Require.text("outbox worker id", worker, 1, 100);
    }

    /** A worker's error text can be anything an exception said; the outbox keeps its first 1,000 characters. */
    private static String clip(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
