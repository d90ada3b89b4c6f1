/**
 * SMS: the {@code SmsGateway} port and its provider adapters (Twilio first), the keyword router and the
 * outbox worker.
 *
 * <p>{@code org.baraza.sms.keyword} reads and routes received texts: keywords per station language
 * ({@code Parsed}, table-tested) and the {@code SmsRouter} that acts on them through core's stores.
 */
package org.baraza.sms;
