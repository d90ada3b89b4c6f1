package org.baraza.sim.internal.httapi;

import java.nio.file.Path;
import java.time.Duration;

import org.baraza.sim.HttapiProfile;
import org.baraza.sim.internal.call.AppCall;
import org.baraza.sim.internal.channel.HangupCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one work tag of an httapi document as mod_httapi's parsers do, under the session's profile:
 * playback (with {@code <bind>} digit collection), pause, record, conference, hangup, continue, break, log,
 * execute and getVariable. Every other tag, {@code <answer/>} among them (mod_httapi 1.10 binds no parser to
 * it: answer with {@code <execute application="answer"/>}), and the tags that need a module the simulator
 * has not (speak, say, dial, sms, voicemail, vmName, recordCall) are logged as unsupported and end the
 * session. Switch thread only.
 */
final class WorkTags {
    private static final Logger LOG = LoggerFactory.getLogger(WorkTags.class);

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
        long ms;
        try {
            ms = Long.parseLong(tag.attribute("milliseconds"));
        } catch (NumberFormatException | NullPointerException e) {
            ms = 1000;
        }
        session.run().after(Duration.ofMillis(ms <= 0 ? 1000 : ms), next);
    }

    /**
     * {@code <conference>name[@profile]</conference>} (parse_conference): the conference of the profile's
     * default-profile, or of the tag's {@code profile} attribute when the profile lets documents choose.
     */
    private void conference(HttapiDocument.Tag tag, Runnable next) {
        HttapiProfile profile = session.profile();
        if (!profile.permissions().conference()) {
            refuse("Permission Denied!");
            return;
        }
        String name = tag.text();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        String conferenceProfile = tag.attribute("profile");
        if (conferenceProfile == null || conferenceProfile.isEmpty() || !profile.permissions().conferenceSetProfile()) {
            conferenceProfile = profile.conferenceProfile();
        }
        session.board().execute(session.leg(), new AppCall("conference", name + "@" + conferenceProfile),
                done -> next.run());
    }

    private void hangup(HttapiDocument.Tag tag) {
        String cause = tag.attribute("cause") != null ? tag.attribute("cause") : tag.text();
        session.board().hangup(session.leg(), HangupCause.parse(cause).orElse(HangupCause.NORMAL_CLEARING));
        session.end();
    }

    /**
     * parse_execute: an application the profile's execute-apps does not name, or data with {@code $} while
     * expand-vars is off, hangs the call up; otherwise the application runs on the caller's leg.
     */
    private void execute(HttapiDocument.Tag tag, Runnable next) {
        String app = tag.attribute("application");
        String data = tag.attribute("data") == null || tag.attribute("data").isEmpty() ? tag.text() : tag.attribute("data");
        if (app == null || app.isBlank()) {
            refuse("Invalid app");
            return;
        }
        HttapiProfile.Permissions permissions = session.permissions();
        if (!permissions.executeApps().allows(app)) {
            refuse("Permission Denied!");
            return;
        }
        if (!permissions.expandVariables() && data.indexOf('$') >= 0) {
            refuse("Expand Variables: Permission Denied!");
            return;
        }
        session.board().execute(session.leg(), new AppCall(app, data), done -> next.run());
    }

    /** parse_get_var: a variable the profile does not let documents read ends the document, the call goes on. */
    private void getVariable(HttapiDocument.Tag tag, Runnable next) {
        String name = tag.attribute("name");
        if (name == null || name.isEmpty()) {
            LOG.error("{}: Missing name attribute!", session.leg().channel().name());
            next.run();
            return;
        }
        if (!session.permissions().getVariables().allows(name)) {
            LOG.error("{}: variable {} permission denied!", session.leg().channel().name(), name);
            session.end();
            return;
        }
        String value = session.leg().channel().variable(name);
        if (value != null) {
            if ("true".equalsIgnoreCase(tag.attribute("permanent"))) {
                session.param(name, value);
            } else {
                session.oneTime(name, value);
            }
        }
        next.run();
    }

    private void refuse(String why) {
        LOG.error("{}: {}", session.leg().channel().name(), why);
        session.board().hangup(session.leg(), HangupCause.DESTINATION_OUT_OF_ORDER);
        session.end();
    }
}
