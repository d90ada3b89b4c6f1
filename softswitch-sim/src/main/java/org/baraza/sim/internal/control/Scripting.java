package org.baraza.sim.internal.control;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.baraza.sim.PhoneScript;
import org.baraza.sim.Softswitch;

/**
 * The control API's acting side: script phones, place calls from listeners, press keys, talk, hang up, run
 * API commands and move a manual clock. Stateless; any handler thread.
 */
final class Scripting {
    record CallRequest(String from, String to, PhoneScriptJson caller) {
    }

    record KeysRequest(String digits) {
    }

    record TalkRequest(Boolean talking) {
    }

    record ApiRequest(String command) {
    }

    record AdvanceRequest(Long ms) {
    }

    private final Softswitch sim;
    private final Observations observations;

    Scripting(Softswitch sim, Observations observations) {
        this.sim = sim;
        this.observations = observations;
    }

    /** {@code PUT /phones/<address>} with a phone script: how that phone takes calls from now on. */
    void phone(HttpCall call, String address) throws IOException {
        PhoneScript script = call.body(PhoneScriptJson.class).toScript();
        sim.phone(address, script);
        call.replyEmpty(204);
    }

    /** {@code POST /calls} {@code {"from", "to", "caller": <script>}}: a listener calls a number. */
    void placeCall(HttpCall call) throws IOException {
        CallRequest request = call.body(CallRequest.class);
        PhoneScript caller = request.caller() == null ? PhoneScript.answersAtOnce() : request.caller().toScript();
        String uuid = sim.placeCall(request.from(), request.to(), caller);
        call.reply(201, Map.of("uuid", uuid));
    }

    void keys(HttpCall call, String uuid) throws IOException {
        KeysRequest request = call.body(KeysRequest.class);
        requireChannel(uuid);
        sim.pressKeys(uuid, request.digits());
        call.replyEmpty(204);
    }

    void talk(HttpCall call, String uuid) throws IOException {
        TalkRequest request = call.body(TalkRequest.class);
        if (request.talking() == null) {
            throw ControlError.badRequest("talking (true or false) is required");
        }
        requireChannel(uuid);
        sim.talk(uuid, request.talking());
        call.replyEmpty(204);
    }

    void hangUp(HttpCall call, String uuid) throws IOException {
        requireChannel(uuid);
        sim.hangUp(uuid);
        call.replyEmpty(204);
    }

    /**
     * {@code POST /api} {@code {"command": "show channels"}}: what an ESL client's {@code api} would get, as
     * {@code {"reply": ...}}. A command starting {@code bgapi } runs in the background as over ESL and answers
     * {@code {"jobUuid": ...}} at once; its result is the BACKGROUND_JOB event in the event log.
     */
    void api(HttpCall call) throws IOException {
        ApiRequest request = call.body(ApiRequest.class);
        String command = request.command() == null ? "" : request.command().strip();
        if (command.isEmpty()) {
            throw ControlError.badRequest("command is required");
        }
        if (command.regionMatches(true, 0, "bgapi ", 0, 6)) {
            call.reply(202, Map.of("jobUuid", sim.backgroundApi(command.substring(6))));
        } else {
            call.reply(200, Map.of("reply", sim.api(command)));
        }
    }

    /** {@code POST /clock/advance} {@code {"ms": 1000}}: moves a manual clock (409 when it runs by itself). */
    void advance(HttpCall call) throws IOException {
        AdvanceRequest request = call.body(AdvanceRequest.class);
        if (request.ms() == null || request.ms() < 0) {
            throw ControlError.badRequest("ms (0 or more) is required");
        }
        if (!sim.clock().isManual()) {
            throw new ControlError(409, "the clock runs by itself (time scale " + sim.config().timeScale()
                    + "); only a manual clock advances");
        }
        sim.clock().advance(Duration.ofMillis(request.ms()));
        call.reply(200, observations.clockState());
    }

    private void requireChannel(String uuid) {
        if (sim.channel(uuid).isEmpty()) {
            throw ControlError.notFound("channel " + uuid);
        }
    }
}
