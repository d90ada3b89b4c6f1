package org.baraza.daemon.esl;

/** A command FreeSWITCH did not carry out: refused (-ERR), not answered, or lost with the connection. */
public final class SwitchException extends RuntimeException {
    public SwitchException(String message) {
        super(message);
    }

    public SwitchException(String message, Throwable cause) {
        super(message, cause);
    }
}
