package org.baraza.sim.internal.httapi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.baraza.sim.internal.call.AppCall;
import org.baraza.sim.internal.channel.HangupCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one work tag of an httapi document as mod_httapi's parsers do: playback (with {@code <bind>}
 * digit collection), pause, record, conference, hangup, continue, break, log, execute (for the applications a
 * typical profile's execute-apps allows) and getVariable. Every other tag FreeSWITCH knows needs a module the
 * simulator has not (speak, say, dial, sms, voicemail, vmname, recordCall) and, like an unknown tag, is logged
 * as unsupported and ends the session. Switch thread only.
 */
final class WorkTags {
    private static final Logger LOG = LoggerFactory.getLogger(WorkTags.class);
    private static final Set<String> EXECUTE_ALLOWED = Set.of("answer", "pre_answer", "playback", "sleep", "set",
            "export", "hangup", "park", "transfer");

    private final HttapiSession session;
    private final Path recordings;

    WorkTags(HttapiSession session, Path recordings) {
        this.session = session;
        this.recordings = recordings;
    }

    /** Runs the tag; {@code next} goes on with the document, otherwise the session ends. */
    void run(HttapiDocument.Tag tag, Runnable next) {
        switch (tag.name()) {
            case "playback" -> new PromptTag(session, tag, next).start();
            case "pause" -> pause(tag, next);
            case "record" -> new RecordTag(session, tag, recordings, next).start();
            case "conference" -> conference(tag, next);
            case "hangup" -> hangup(tag);
            case "continue" -> next.run();
            case "break" -> session.end();
            case "log" -> {
                LOG.info("httapi log [{}]: {}", tag.attribute("level"), tag.text());
                next.run();
            }
            case "execute" -> execute(tag, next);
            case "getVariable" -> getVariable(tag, next);
            default -> {
                LOG.warn("{}: Unsupported Tag: [{}]", session.leg().channel().name(), tag.name());
                session.end();
            }
        }
    }

    private void pause(HttapiDocument.Tag tag, Runnable next) {
        long ms = 1000;
        try {
            ms = Long.parseLong(tag.attribute("milliseconds"));
        } catch (NumberFormatException | NullPointerException e) {
            ms = 1000;
        }
        session.run().after(Duration.ofMillis(ms <= 0 ? 1000 : ms), next);
    }

    /** {@code <conference>name[@profile]</conference>}: the profile comes from httapi's profile, "default". */
    private void conference(HttapiDocument.Tag tag, Runnable next) {
        String name = tag.text();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        session.board().execute(session.leg(), new AppCall("conference", name + "@default"), done -> next.run());
    }

    private void hangup(HttapiDocument.Tag tag) {
        String cause = tag.attribute("cause") != null ? tag.attribute("cause") : tag.text();
        session.board().hangup(session.leg(), HangupCause.parse(cause).orElse(HangupCause.NORMAL_CLEARING));
        session.end();
    }

    private void execute(HttapiDocument.Tag tag, Runnable next) {
        String app = tag.attribute("application");
        String data = tag.attribute("data") != null ? tag.attribute("data") : tag.text();
        if (app == null || app.isBlank() || !EXECUTE_ALLOWED.contains(app)) {
            LOG.error("{}: {}", session.leg().channel().name(), app == null ? "Invalid app" : "Permission Denied!");
            session.board().hangup(session.leg(), HangupCause.DESTINATION_OUT_OF_ORDER);
            session.end();
            return;
        }
        session.board().execute(session.leg(), new AppCall(app, data), done -> next.run());
    }

    private void getVariable(HttapiDocument.Tag tag, Runnable next) {
        String name = tag.attribute("name");
        if (name != null) {
            String value = session.leg().channel().variable(name);
            if (value != null) {
                if ("true".equalsIgnoreCase(tag.attribute("permanent"))) {
                    session.param(name, value);
                } else {
                    session.oneTime(name, value);
                }
            }
        }
        next.run();
    }
}
