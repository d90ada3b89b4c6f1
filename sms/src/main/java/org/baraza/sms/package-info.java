/**
 * SMS: the {@code SmsGateway} port and its provider adapters (Twilio first), the keyword router and the
 * outbox worker.
 *
 * <p>Not built yet: issue #6. The data it needs (messages, outbox, subscriptions, opt-outs, polls)
 * is in the schema and in core's stores already.
 */
package org.baraza.sms;
