package org.baraza.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.baraza.core.config.BarazaConfig;
import org.baraza.core.config.SmsConfig;
import org.baraza.core.db.Stores;
import org.baraza.sms.outbox.OutboxSettings;
import org.baraza.sms.outbox.OutboxWorker;
import org.baraza.sms.twilio.TwilioGateway;
import org.baraza.sms.twilio.TwilioSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound half of SMS in {@code baraza server} and {@code baraza all}: with {@code sms.provider = twilio}
 * an outbox worker sending through Twilio; with {@code none} nothing, and outbound messages wait in the outbox
 * (said once at start-up). Closing it stops the worker.
 */
final class SmsSending {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSending.class);

    private SmsSending() {
    }

    static AutoCloseable start(BarazaConfig config, Stores stores, Clock clock) {
        SmsConfig sms = config.sms();
        if (!SmsConfig.TWILIO.equals(sms.provider())) {
            LOG.info("sms.provider = none: outbound SMS wait in the outbox until a provider is configured");
            return () -> { };
        }
        OutboxSettings settings = OutboxSettings.of(workerId(), sms);
        return OutboxWorker.start(settings, stores.outbox(), stores.sms(), stores.subscriptions(),
                new TwilioGateway(TwilioSettings.of(sms, config.server())), clock);
    }

    /** Unique among the processes sharing the database: a claim names its worker. */
    private static String workerId() {
        return "sms-" + ProcessHandle.current().pid() + "@" + hostName();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
