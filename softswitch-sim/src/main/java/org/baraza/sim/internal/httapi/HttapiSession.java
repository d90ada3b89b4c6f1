package org.baraza.sim.internal.httapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.baraza.sim.HttapiProfile;
import org.baraza.sim.internal.call.AppRun;
import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.Switchboard;
import org.baraza.sim.internal.channel.ChannelEvents;
import org.baraza.sim.internal.event.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of mod_httapi on a channel (httapi_function) under one profile: request a document from the webhook,
 * apply its params and variables as the profile permits, carry out its work tags, request the next, until a
 * tag ends it (hangup, break, a refusal, a failure) or the channel goes; a last request with
 * {@code exiting=true} follows the hangup, carrying a recording the hangup cut short. The caller profile is
 * read once, when the session starts, so every request repeats those {@code Caller-*} values, as the
 * transcripts show; channel variables are never sent (the profile's extended-data adds them only to events
 * FreeSWITCH makes verbose, and its request parameters are not such an event). A bad answer (not 200, not
 * text/xml, malformed XML, no work, an unsupported tag) is logged and ends the application, after which the
 * channel goes on with its dialplan, as FreeSWITCH does. Switch thread only.
 */
final class HttapiSession {
    private static final Logger LOG = LoggerFactory.getLogger(HttapiSession.class);

    private final AppRun run;
    private final Leg leg;
    private final Switchboard board;
    private final HttapiClient client;
    private final HttapiProfile profile;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> oneTime = new LinkedHashMap<>();
    private final WorkTags tags;
    private boolean ended;
    private boolean exited;
    private TagInput input;

    HttapiSession(AppRun run, HttapiClient client, HttapiProfile profile, Map<String, String> dataParams,
                  String hostname, Path recordings) {
        this.run = run;
        this.leg = run.leg();
        this.board = run.switchboard();
        this.client = client;
        this.profile = profile;
        this.tags = new WorkTags(this, recordings);
        params.putAll(dataParams);
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

    HttapiProfile.Permissions permissions() {
        return profile.permissions();
    }

    HttapiProfile profile() {
        return profile;
    }

    void start() {
        request();
    }

    /** A parameter kept for every later request (a document's params, an action's url). */
    void param(String name, String value) {
        params.put(name, value);
    }

    /** A parameter sent with the next request only (collected digits, input type, a recording). */
    void oneTime(String name, String value) {
        oneTime.put(name, value);
    }

    /** A recording to upload with the next request, under the field name, as the file name given. */
    void attach(String field, String fileName, Path file) {
        oneTime.put(HttapiRequest.ATTACH + field + ":" + fileName, file.toString());
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

    /** The work is done: the next document. */
    void request() {
        if (ended || !leg.isUp()) {
            end();
            return;
        }
        Optional<HttapiRequest> request = next();
        if (request.isEmpty()) {
            LOG.error("{}: httapi has no url to call", leg.channel().name());
            end();
            return;
        }
        send(request.get()).whenComplete((response, failure) -> board.loop().execute(() -> answered(response)));
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
        next().ifPresent(this::send);
    }

    /**
     * The fields of the next request: session_id, the lasting params (the profile's gateway URL joins them,
     * at the end, the first time no url is set), then the one-time ones; empty when there is no URL at all.
     */
    private Optional<HttapiRequest> next() {
        if (!params.containsKey("url") && !oneTime.containsKey("url") && profile.gatewayUrl() != null) {
            params.put("url", profile.gatewayUrl().toString());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", leg.uuid());
        fields.putAll(params);
        fields.putAll(oneTime);
        oneTime.clear();
        String url = fields.get("url");
        if (url == null) {
            return Optional.empty();
        }
        boolean post = "post".equalsIgnoreCase(fields.get("method"));
        // A temp-action's url (one-time) overrides the lasting one for this request only, target and field alike.
        return Optional.of(new HttapiRequest(url, fields, post, profile.credentials(), profile.timeout()));
    }

    /** Sends, then deletes the uploaded recordings whatever came of it (cleanup_attachments). */
    private CompletableFuture<HttapiClient.Response> send(HttapiRequest request) {
        return client.send(request).whenComplete((response, failure) -> request.fields().forEach((name, value) -> {
            if (name.startsWith(HttapiRequest.ATTACH)) {
                try {
                    Files.deleteIfExists(Path.of(value));
                } catch (IOException e) {
                    LOG.warn("cannot remove the uploaded recording {}: {}", value, e.getMessage());
                }
            }
        }));
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
        if (!response.contentType().toLowerCase(Locale.ROOT).contains("text/xml")) {
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
        if (permissions().setParams()) {
            params.putAll(doc.params());
        }
        doc.variables().forEach(this::setVariable);
        if (doc.work().isEmpty()) {
            LOG.warn("{}: No instructions found in result!", leg.channel().name());
            end();
            return;
        }
        work(doc.work(), 0);
    }

    private void setVariable(String name, String value) {
        if (permissions().setVariables().allows(name)) {
            leg.channel().variable(name, value.isEmpty() ? null : value);
        } else {
            LOG.error("{}: variable {} permission denied!", leg.channel().name(), name);
        }
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
}
