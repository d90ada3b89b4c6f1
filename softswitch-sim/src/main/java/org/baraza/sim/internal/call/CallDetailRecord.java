package org.baraza.sim.internal.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.baraza.sim.internal.channel.Channel;

/**
 * The CDR variables FreeSWITCH sets on a channel before CHANNEL_HANGUP_COMPLETE (switch_channel_set_timestamps
 * and the hangup cause): stamps, epochs, durations in seconds, milliseconds and microseconds, in the order
 * the transcripts show them.
 */
final class CallDetailRecord {
    private final Channel c;
    private final long endMicros;
    private final DateTimeFormatter stamps;

    CallDetailRecord(Channel channel, long endMicros, ZoneId zone) {
        this.c = channel;
        this.endMicros = endMicros;
        this.stamps = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).withZone(zone);
    }

    void write() {
        long start = c.createdMicros();
        long answer = c.answeredMicros();
        long progress = c.progressMicros();
        long progressMedia = c.progressMediaMicros();
        c.variable("hangup_cause", c.hangupCause().name());
        c.variable("hangup_cause_q850", Integer.toString(c.hangupCause().code()));
        c.variable("digits_dialed", "none");
        c.variable("start_stamp", stamp(start));
        c.variable("profile_start_stamp", stamp(c.profile().createdMicros()));
        if (answer != 0) {
            c.variable("answer_stamp", stamp(answer));
        }
        if (progress != 0) {
            c.variable("progress_stamp", stamp(progress));
        }
        if (progressMedia != 0) {
            c.variable("progress_media_stamp", stamp(progressMedia));
        }
        c.variable("end_stamp", stamp(endMicros));
        epoch("start", start);
        epoch("profile_start", c.profile().createdMicros());
        epoch("answer", answer);
        epoch("bridge", 0);
        epoch("last_hold", 0);
        c.variable("hold_accum_seconds", "0");
        c.variable("hold_accum_usec", "0");
        c.variable("hold_accum_ms", "0");
        epoch("resurrect", 0);
        epoch("progress", progress);
        epoch("progress_media", progressMedia);
        epoch("end", endMicros);
        c.variable("last_app", lastApp());
        c.variable("last_arg", c.variable("current_application_data"));
        c.variable("caller_id", callerId());
        long billFrom = answer == 0 ? endMicros : answer;
        durations(endMicros - start, endMicros - billFrom, since(progress, start), since(answer, start),
                since(answer, start), since(progressMedia, start));
    }

    private String lastApp() {
        return c.variable("current_application");
    }

    private String callerId() {
        String name = c.profile().callerIdName();
        String number = c.profile().callerIdNumber();
        return name == null || name.isEmpty() ? number : "\"" + name + "\" <" + number + ">";
    }

    private static long since(long micros, long start) {
        return micros == 0 ? 0 : micros - start;
    }

    private void epoch(String name, long micros) {
        c.variable(name + "_epoch", Long.toString(micros / 1_000_000L));
        c.variable(name + "_uepoch", Long.toString(micros));
    }

    private void durations(long duration, long bill, long progress, long answer, long wait,
                           long progressMedia) {
        c.variable("duration", Long.toString(duration / 1_000_000L));
        c.variable("billsec", Long.toString(bill / 1_000_000L));
        c.variable("progresssec", Long.toString(progress / 1_000_000L));
        c.variable("answersec", Long.toString(answer / 1_000_000L));
        c.variable("waitsec", Long.toString(wait / 1_000_000L));
        c.variable("progress_mediasec", Long.toString(progressMedia / 1_000_000L));
        c.variable("flow_billsec", Long.toString(bill / 1_000_000L));
        c.variable("mduration", Long.toString(duration / 1_000L));
        c.variable("billmsec", Long.toString(bill / 1_000L));
        c.variable("progressmsec", Long.toString(progress / 1_000L));
        c.variable("answermsec", Long.toString(answer / 1_000L));
        c.variable("waitmsec", Long.toString(wait / 1_000L));
        c.variable("progress_mediamsec", Long.toString(progressMedia / 1_000L));
        c.variable("flow_billmsec", Long.toString(bill / 1_000L));
        c.variable("uduration", Long.toString(duration));
        c.variable("billusec", Long.toString(bill));
        c.variable("progressusec", Long.toString(progress));
        c.variable("answerusec", Long.toString(answer));
        c.variable("waitusec", Long.toString(wait));
        c.variable("progress_mediausec", Long.toString(progressMedia));
        c.variable("flow_billusec", Long.toString(bill));
    }

    private String stamp(long micros) {
        return stamps.format(Instant.ofEpochSecond(micros / 1_000_000L));
    }
}
