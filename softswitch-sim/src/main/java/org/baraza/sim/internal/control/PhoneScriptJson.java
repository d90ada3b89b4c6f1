package org.baraza.sim.internal.control;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.baraza.sim.PhoneScript;

/**
 * A phone script as JSON: {@code {"pickup": "answer", "ringingMs": 2000, "hangUpAfterMs": 60000,
 * "keys": [{"atMs": 5000, "digits": "1"}], "talks": [{"fromMs": 0, "untilMs": 3000}]}}, with pickup one of
 * {@code answer} (the default), {@code busy}, {@code ring-out}, {@code reject} (with an optional
 * {@code cause}) and {@code unreachable}. Times are milliseconds of simulated time. Immutable.
 */
record PhoneScriptJson(String pickup, Long ringingMs, String cause, Long hangUpAfterMs, List<Keys> keys,
                       List<Talk> talks) {

    record Keys(long atMs, String digits) {
    }

    record Talk(long fromMs, long untilMs) {
    }

    /** The script; a bad value is an IllegalArgumentException naming it. */
    PhoneScript toScript() {
        String kind = pickup == null ? "answer" : pickup.toLowerCase(Locale.ROOT);
        if (!"answer".equals(kind) && ringingMs != null) {
            throw new IllegalArgumentException("ringingMs is for pickup \"answer\" only");
        }
        if (!"reject".equals(kind) && cause != null) {
            throw new IllegalArgumentException("cause is for pickup \"reject\" only");
        }
        PhoneScript script = switch (kind) {
            case "answer" -> PhoneScript.answersAfter(Duration.ofMillis(ringingMs == null ? 0 : ringingMs));
            case "busy" -> PhoneScript.busy();
            case "ring-out" -> PhoneScript.ringsOut();
            case "reject" -> cause == null ? PhoneScript.rejects() : PhoneScript.rejects(cause);
            case "unreachable" -> PhoneScript.unreachable();
            default -> throw new IllegalArgumentException(
                    "pickup must be answer, busy, ring-out, reject or unreachable: " + pickup);
        };
        if (hangUpAfterMs != null) {
            script = script.withHangUpAfter(Duration.ofMillis(hangUpAfterMs));
        }
        for (Keys k : keys == null ? List.<Keys>of() : keys) {
            script = script.withKeyPress(Duration.ofMillis(k.atMs()), k.digits());
        }
        for (Talk t : talks == null ? List.<Talk>of() : talks) {
            script = script.withTalk(Duration.ofMillis(t.fromMs()), Duration.ofMillis(t.untilMs()));
        }
        return script;
    }
}
