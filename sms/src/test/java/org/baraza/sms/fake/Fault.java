package org.baraza.sms.fake;

import java.time.Duration;

/** A failure {@link FakeTwilio} answers a message request with, instead of accepting it. */
public sealed interface Fault {

    /** HTTP 500 with Twilio's error body (code 20500); nothing is accepted. */
    record ServerError() implements Fault {
    }

    /** HTTP 429 (code 20429) with {@code Retry-After} in whole seconds, or none when null; nothing is accepted. */
    record TooManyRequests(Duration retryAfter) implements Fault {
    }

    /**
     * The message is accepted, but the answer comes after {@code delay}: longer than the client's timeout, this
     * is the case where the client cannot know that Twilio has its message.
     */
    record SlowAnswer(Duration delay) implements Fault {
    }

    /** A refusal as Twilio words it: {@code 400, 21211, "Invalid 'To' Phone Number"}; nothing is accepted. */
    record Refusal(int status, int code, String message) implements Fault {
    }

    static Fault serverError() {
        return new ServerError();
    }

    static Fault tooManyRequests(Duration retryAfter) {
        return new TooManyRequests(retryAfter);
    }

    static Fault slowAnswer(Duration delay) {
        return new SlowAnswer(delay);
    }
}
