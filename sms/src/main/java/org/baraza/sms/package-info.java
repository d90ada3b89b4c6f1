/**
 * SMS: the {@link org.baraza.sms.SmsGateway} port that every provider adapter implements, Twilio's adapter
 * ({@code twilio}), and the outbox worker ({@code outbox}) that sends what the persistent outbox holds.
 * The inbound webhook and keyword router arrive with the rest of issue #6.
 */
package org.baraza.sms;
