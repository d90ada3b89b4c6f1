package org.baraza.core.db;

import java.time.Instant;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.SmsMessageId;
import org.baraza.core.sms.DeliveryReport;
import org.baraza.core.sms.SmsMessage;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The statements on SMS messages that both the SMS log and the outbox need: reading a message, and
 * recording what the provider said about it. Statuses move forward only, in one statement, so that two
 * reports arriving together cannot move a message backwards (see sms_status_rank in the schema).
 */
interface SmsMessageSql {

    @SqlQuery("select * from sms_messages where id = :id")
    Optional<SmsMessage> find(SmsMessageId id);

    @SqlUpdate("""
            update sms_messages
               set status = lower(:r.status), status_at = :r.at, error_code = :r.errorCode, error_message = :r.errorMessage
             where provider = :r.provider and provider_message_id = :r.providerMessageId and direction = 'outbound'
               and sms_status_rank(status) < sms_status_rank(lower(:r.status))
            """)
    int advance(@BindMethods("r") DeliveryReport report);

    @SqlQuery("select * from sms_messages where id = :id and direction = 'outbound' for update")
    Optional<SmsMessage> lockOutbound(SmsMessageId id);

    @SqlUpdate("""
            update sms_messages set provider_message_id = :providerMessageId, sent_at = coalesce(sent_at, :at)
             where id = :id
            """)
    void recordAccepted(SmsMessageId id, String providerMessageId, Instant at);

    @SqlUpdate("delete from sms_outbox where message_id = :id")
    void leaveOutbox(SmsMessageId id);

    /**
     * The provider has the message (it accepted it, or reports on it): record its id and when, move the
     * status forward, and take the message out of the outbox so that it is never sent again.
     *
     * @return the message after the report; empty when there is no such outbound message
     */
    @Transaction
    default Optional<SmsMessage> acknowledge(SmsMessageId id, DeliveryReport report) {
        Optional<SmsMessage> message = lockOutbound(id);
        if (message.isEmpty()) {
            return message;
        }
        String known = message.get().providerMessageId();
        if (known != null && !known.equals(report.providerMessageId())) {
            throw new DomainException.Conflict(id + " is " + report.provider() + " message " + known
                    + ", not " + report.providerMessageId());
        }
        recordAccepted(id, report.providerMessageId(), report.at());
        advance(report);
        leaveOutbox(id);
        return find(id);
    }
}
