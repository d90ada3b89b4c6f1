package org.baraza.sim.internal.httapi;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.Switchboard;
import org.baraza.sim.internal.channel.ChannelEvents;
import org.baraza.sim.internal.event.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of mod_httapi on a channel (httapi_function): request a document from the webhook, apply its
 * params and variables, carry out its work tags, request the next, until a tag ends it (hangup, break, a
 * failure) or the channel goes; a last request with {@code exiting=true} follows the hangup. A bad answer (not
 * 200, not text/xml, malformed XML, no work, an unsupported tag) is logged and ends the application, after
 * which the channel hangs up at the end of its dialplan, as FreeSWITCH does. Switch thread only.
 */
final class HttapiSession {
    private static final Logger LOG = LoggerFactory.getLogger(HttapiSession.class);

    private final AppRun run;
    private final Leg leg;
    private final Switchboard board;
    private final HttapiClient client;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> oneTime = new LinkedHashMap<>();
    private final Map<String, Path> attachments = new LinkedHashMap<>();
    private final WorkTags tags;
    private boolean ended;
    private boolean exited;
    private TagInput input;

    HttapiSession(AppRun run, HttapiClient client, String hostname, Path recordings) {
        this.run = run;
        this.leg = run.leg();
        this.board = run.switchboard();
        this.client = client;
        this.tags = new WorkTags(this, recordings);
        parseData(run.data());
        params.put("hostname", hostname);
        for (Header h : ChannelEvents.profileData("Caller", leg.channel())) {
            params.put(h.name(), h.value());
        }
    }

    Leg leg() {
        return leg;
    }

    Switchboard board() {
        return board;
    }

    AppRun run() {
        return run;
    }

    void start() {
        if (!params.containsKey("url")) {
            LOG.error("{}: httapi has no url to call", leg.channel().name());
            end();
            return;
        }
        request();
    }

    /** A parameter kept for every later request (a document's params, an action's url). */
    void param(String name, String value) {
        params.put(name, value);
    }

    /** A parameter sent with the next request only (collected digits, input type). */
    void oneTime(String name, String value) {
        oneTime.put(name, value);
    }

    /** The tag that hears keys now, or null. */
    void listen(TagInput tagInput) {
        input = tagInput;
    }

    void digit(char d) {
        if (input != null && !ended) {
            input.digit(d);
        }
    }

    /** The leg hangs up or is transferred away: whatever plays or records stops; the runner ends the app. */
    void interrupted() {
        ended = true;
        TagInput current = input;
        input = null;
        if (current != null) {
            current.stop();
        }
    }

    boolean ended() {
        return ended;
    }

    void attach(String field, Path file) {
        attachments.put(field, file);
    }

    /** The work is done: the next document. */
    void request() {
        if (ended || !leg.isUp()) {
            end();
            return;
        }
        HttapiRequest request = next(false);
        client.send(request).whenComplete((response, failure) -> board.loop().execute(() -> answered(response)));
    }

    /** The application ends; the channel goes on with its dialplan. */
    void end() {
        if (!ended) {
            ended = true;
            run.finish();
        }
    }

    /** After the channel hung up: the last request, with {@code exiting=true}, whose answer is ignored. */
    void exiting() {
        if (exited) {
            return;
        }
        exited = true;
        oneTime.put("exiting", "true");
        client.send(next(true));
    }

    private HttapiRequest next(boolean last) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", leg.uuid());
        fields.putAll(params);
        fields.putAll(oneTime);
        oneTime.clear();
        Map<String, Path> files = Map.copyOf(attachments);
        attachments.clear();
        boolean post = "post".equalsIgnoreCase(params.get("method"));
        // A temp-action's url (one-time) overrides the lasting one for this request only, target and field alike.
        return new HttapiRequest(fields.get("url"), fields, post, last ? Map.of() : files);
    }

    private void answered(HttapiClient.Response response) {
        if (ended || !leg.isUp()) {
            end();
            return;
        }
        if (response.status() != 200) {
            LOG.error("{}: Received HTTP response: {}.", leg.channel().name(), response.status());
            end();
            return;
        }
        if (!response.contentType().toLowerCase(java.util.Locale.ROOT).contains("text/xml")) {
            LOG.error("{}: Received unsupported content-type {}", leg.channel().name(), response.contentType());
            end();
            return;
        }
        Optional<HttapiDocument> document = HttapiDocument.parse(response.body());
        if (document.isEmpty()) {
            LOG.error("{}: the webhook's document is not well-formed XML; giving up the call", leg.channel().name());
            end();
            return;
        }
        HttapiDocument doc = document.get();
        params.putAll(doc.params());
        doc.variables().forEach((name, value) -> leg.channel().variable(name, value.isEmpty() ? null : value));
        if (doc.work().isEmpty()) {
            LOG.warn("{}: No instructions found in result!", leg.channel().name());
            end();
            return;
        }
        work(doc.work(), 0);
    }

    /** Carries out the tags from an index; each tag calls back to go on, or ends the session. */
    private void work(List<HttapiDocument.Tag> work, int index) {
        if (ended || !leg.isUp()) {
            end();
            return;
        }
        if (index == work.size()) {
            request();
            return;
        }
        HttapiDocument.Tag tag = work.get(index);
        String action = tag.attribute("action");
        if (action != null) {
            params.put("url", action);
        }
        String tempAction = tag.attribute("temp-action");
        if (tempAction != null) {
            oneTime.put("url", tempAction);
        }
        tags.run(tag, () -> board.loop().execute(() -> work(work, index + 1)));
    }

    private void parseData(String data) {
        String d = data == null ? "" : data.trim();
        if (d.startsWith("{")) {
            int close = d.indexOf('}');
            if (close > 0) {
                for (String pair : d.substring(1, close).split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        params.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                d = d.substring(close + 1).trim();
            }
        }
        if (d.contains("://")) {
            params.put("url", d);
        }
    }
}
