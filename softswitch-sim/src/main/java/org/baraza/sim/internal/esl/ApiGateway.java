package org.baraza.sim.internal.esl;

import java.util.function.Consumer;

/**
 * Runs FreeSWITCH API commands ({@code status}, {@code originate ...}, {@code conference ...}) for the event
 * socket. Implemented by the switch; the ESL layer only frames the answer.
 */
public interface ApiGateway {
    /**
     * Starts the command and calls {@code onReply} once, on the switch thread, with the text FreeSWITCH would
     * answer (e.g. {@code +OK <uuid>\n}, {@code -ERR USER_BUSY\n}, {@code -ERR foo Command not found!\n}).
     * Commands that wait (originate) call back later; the caller must not block the switch thread.
     */
    void execute(String command, String argument, Consumer<String> onReply);
}
