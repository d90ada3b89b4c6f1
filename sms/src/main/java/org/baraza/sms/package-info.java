/**
 * SMS: the {@link org.baraza.sms.SmsGateway} port that every provider adapter implements, Twilio's adapter
 * ({@code twilio}), the outbox worker ({@code outbox}) that sends what the persistent outbox holds, and the
 * keyword router.
 *
 * <p>{@code org.baraza.sms.keyword} reads and routes received texts: keywords per station language
 * ({@code Parsed}, table-tested) and the {@code SmsRouter} that acts on them through core's stores.
 */
package org.baraza.sms;
