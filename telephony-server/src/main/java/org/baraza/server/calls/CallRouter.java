package org.baraza.server.calls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.RecordingId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.call.Call;
import org.baraza.core.call.CallDirection;
import org.baraza.core.call.CallDisposition;
import org.baraza.core.call.InboundCalls.Turn;
import org.baraza.core.call.NewCall;
import org.baraza.core.db.Stores;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Digits;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Play;
import org.baraza.core.hub.CallDocument.Record;
import org.baraza.core.hub.CallDocument.Step;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.hub.HubMessage.CallerKind;
import org.baraza.core.media.Prompts;
import org.baraza.core.people.Host;
import org.baraza.core.people.Pin;
import org.baraza.core.recording.NewRecording;
import org.baraza.core.recording.RecordingKind;
import org.baraza.core.station.Station;
import org.baraza.server.polls.MissedCallVotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a caller's call does next, for each mod_httapi request: finds the call's station (by the
 * number dialled, or the call Baraza placed), logs the call and its leg, numbers the requests so a replay
 * changes nothing, turns away blocked callers and unknown numbers, checks a host's PIN, stores a
 * listener's recorded message for moderation, and asks the station's daemon for everything else. When no
 * daemon answers within the deadline the caller hears that the station cannot take the call, and the
 * call is logged as missed.
 *
 * <p>The params Baraza's documents set come back on every later request. The station's own are
 * {@code bz_...}; the router keeps its own as {@code bzs_...}: the request count ({@code bzs_seq}),
 * whether the call was answered ({@code bzs_answered}), how it ended early ({@code bzs_end}), a PIN being
 * entered ({@code bzs_pin}, the try) and a host who gave theirs ({@code bzs_host}).
 *
 * <p>Stateless and thread-safe: all a call's state is in the database and in its params.
 */
public final class CallRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CallRouter.class);
    static final String SEQ = "bzs_seq";
    static final String ANSWERED = "bzs_answered";
    static final String END = "bzs_end";
    static final String PIN_TRY = "bzs_pin";
    static final String HOST = "bzs_host";
    /** Params FreeSWITCH collects for the station's menus, passed on with the station's own. */
    private static final Set<String> COLLECTED = Set.of("choice", "digits", "input_type");
    private static final int PIN_TRIES = 3;
    private static final Duration PIN_TIMEOUT = Duration.ofSeconds(10);
    /** Messages shorter than this are a hang-up at the beep, not a message. */
    private static final Duration SHORTEST_MESSAGE = Duration.ofMillis(700);
    /**
     * What a request the server has no time for gets: the call ends unanswered, so it costs the caller nothing,
     * and the caller's network announces the cause ("temporarily unavailable") in the caller's own language.
     */
    static final CallDocument OVERLOADED = CallDocument.of(Map.of(), new CallDocument.Hangup("NORMAL_TEMPORARY_FAILURE"));
    /**
     * How long an exiting request may wait for the database: nobody hears its answer, but the call's end and a
     * listener's call-back depend on it.
     */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(20);
    /** Less time than this left of the deadline is not worth asking a station with: the fallback plays at once. */
    private static final long SHORTEST_ASK_MILLIS = 20;
    private static final Pattern PIN_TEXT = Pattern.compile("[0-9]{4,8}");
    /** A count the router keeps in a param: digits only, small enough for an int. */
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final Stores stores;
    private final StationLink stations;
    private final Prompts prompts;
    private final Path recordingsDir;
    private final Duration deadline;
    private final String node;
    private final Clock clock;
    private final Admission admission;
    private final MissedCallVotes votes;

    /**
     * @param recordingsDir where listeners' messages are stored (their paths in the database are relative to it)
     * @param deadline      how long a station has to answer before the caller hears the fallback
     * @param node          the FreeSWITCH node's name, for the call log
     * @param concurrent    how many requests may work in the database at once (the size of the server's pool); a
     *                      request whose turn does not come within the deadline is turned away ({@link #OVERLOADED})
     */
    public CallRouter(Stores stores, StationLink stations, Prompts prompts, Path recordingsDir, Duration deadline, String node,
                      int concurrent, Clock clock) {
        this.stores = stores;
        this.stations = stations;
        this.prompts = prompts;
        this.recordingsDir = recordingsDir;
        this.deadline = deadline;
        this.node = node;
        this.clock = clock;
        this.admission = new Admission(concurrent, clock);
        this.votes = new MissedCallVotes(stores);
    }

    public CompletableFuture<CallDocument> route(InboundRequest request) {
        Instant now = clock.instant();
        int seen = number(request.field(SEQ));
        if (request.exiting()) {
            return finish(request, seen, now);
        }
        boolean askingHost = number(request.field(HOST)) == 0 && (seen == 0 || number(request.field(PIN_TRY)) > 0);
        Optional<Optional<Turn>> admitted = admission.within(deadline, () -> stores.inboundCalls()
                .take(arriving(request, now), seen, dialled(request), node, askingHost, now));
        if (admitted.isEmpty()) {
            return done(OVERLOADED);
        }
        Optional<Turn> taken = admitted.get();
        if (taken.isEmpty()) {
            LOG.warn("call {}: request {} replayed, out of turn or of a call never seen here; refused", request.session(), seen);
            return done(replayed());
        }
        Turn turn = taken.get();
        Call call = turn.call();
        Map<String, String> own = new HashMap<>(Map.of(SEQ, Integer.toString(turn.seq())));
        Station station = turn.station();
        if (station == null) {
            own.put(END, "unknown-number");
            return done(document(own, request, CallDocument.of(Map.of(), new CallDocument.Hangup("UNALLOCATED_NUMBER"))));
        }
        if (seen == 0 && turn.blocked()) {
            LOG.info("call {}: {} is blocked on {}", call.id(), turn.caller().getFirst(), station.id());
            own.put(END, "rejected");
            return done(document(own, request, CallDocument.of(Map.of(), new CallDocument.Hangup("CALL_REJECTED"))));
        }
        if (seen == 0 && turn.pollAnswer()) {
            // A vote by missed call: turned away unanswered, so it costs the listener nothing.
            MissedCallVotes.Result vote = Stream.of("Caller-Destination-Number", "Caller-RDNIS")
                    .map(field -> votes.record(request.field(field), call.fromNumber(), now))
                    .filter(MissedCallVotes.Result::isPollNumber)
                    .findFirst().orElse(MissedCallVotes.Result.NOT_A_POLL_NUMBER);
            LOG.info("call {}: a missed-call vote on {}: {}", call.id(), station.id(), vote);
            own.put(END, "rejected");
            return done(document(own, request, CallDocument.of(Map.of(), new CallDocument.Hangup("CALL_REJECTED"))));
        }
        Optional<RecordingId> recording = request.recording().flatMap(file -> store(file, call, station.id(), now));
        Optional<CallDocument> pin = hostPin(request, station, turn.hostOnNow(), own);
        if (pin.isPresent()) {
            return done(document(own, request, pin.get()));
        }
        Long host = number(request.field(HOST)) > 0 ? (long) number(request.field(HOST)) : null;
        CallRequest ask = new CallRequest(call.id().toString(), station.id().value(), call.fromNumber(), call.toNumber(),
                stationParams(request), false, answered(request), host != null ? CallerKind.HOST
                : turn.known() ? CallerKind.KNOWN : CallerKind.ANYONE, host, recording.map(RecordingId::value).orElse(null));
        // One deadline for the whole request: what the database work took (waiting its turn included) is not
        // given to the station again, so an answered caller never waits in silence longer than the deadline.
        Duration left = deadline.minus(Duration.between(now, clock.instant()));
        if (left.toMillis() < SHORTEST_ASK_MILLIS) {
            LOG.warn("call {}: no time left to ask station {}; the caller hears the fallback", call.id(), station.id().value());
            own.put(END, "fallback");
            return done(document(own, request, fallback(request, station)));
        }
        return stations.ask(ask, left)
                // A link that lets the deadline pass has not answered, whatever it does later (the hub times out
                // by itself; this keeps a caller from waiting on any other link).
                .copy().orTimeout(left.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(answer -> document(own, request, answer))
                .exceptionally(failure -> {
                    LOG.warn("call {}: station {} did not answer ({}); the caller hears the fallback", call.id(),
                            station.id().value(), reason(failure));
                    own.put(END, "fallback");
                    return document(own, request, fallback(request, station));
                });
    }

    /** The call as its first request describes it, should it be new: the call log finds its station. */
    private static NewCall arriving(InboundRequest request, Instant now) {
        return new NewCall(request.session(), null, null, CallDirection.INBOUND, text(request.field("Caller-Caller-ID-Number")),
                text(request.field("Caller-Destination-Number")), now);
    }

    /** The numbers that may reach the call's station: the number dialled, or the one it was sent on from (a transfer keeps it as the RDNIS). */
    private static List<PhoneNumber> dialled(InboundRequest request) {
        return Stream.of("Caller-Destination-Number", "Caller-RDNIS")
                .flatMap(field -> PhoneNumber.candidates(request.field(field)).stream())
                .distinct()
                .toList();
    }

    /** The call ended: its leg and the call closed in the log, the station told (it may call the listener back). */
    private CompletableFuture<CallDocument> finish(InboundRequest request, int seen, Instant now) {
        CallDisposition disposition = switch (text(request.field(END)) == null ? "" : request.field(END)) {
            case "rejected", "unknown-number" -> CallDisposition.REJECTED;
            case "fallback" -> CallDisposition.MISSED;
            default -> answered(request) ? CallDisposition.COMPLETED : CallDisposition.MISSED;
        };
        Optional<Optional<Call>> admitted = admission.within(EXIT_WAIT,
                () -> stores.inboundCalls().end(request.session(), seen, disposition, now));
        if (admitted.isEmpty()) {
            LOG.error("call {}: its end could not be logged within {} s (overloaded); it stays open in the call log",
                    request.session(), EXIT_WAIT.toSeconds());
            return done(replayed());
        }
        Optional<Call> ended = admitted.get();
        if (ended.isEmpty()) {
            LOG.warn("call {}: an exiting request replayed, out of turn or of a call never seen here; refused", request.session());
            return done(replayed());
        }
        Call call = ended.get();
        if (call.stationId() != null && !"rejected".equals(request.field(END))) {
            Optional<RecordingId> recording = request.recording().flatMap(file -> store(file, call, call.stationId(), now));
            Long host = number(request.field(HOST)) > 0 ? (long) number(request.field(HOST)) : null;
            CallRequest over = new CallRequest(call.id().toString(), call.stationId().value(), call.fromNumber(),
                    call.toNumber(), stationParams(request), true, answered(request),
                    host != null ? CallerKind.HOST : CallerKind.ANYONE, host, recording.map(RecordingId::value).orElse(null));
            stations.ask(over, deadline).exceptionally(failure -> {
                LOG.warn("call {}: station {} did not hear that the call ended ({})", call.id(), call.stationId().value(),
                        reason(failure));
                return null;
            });
        }
        return done(CallDocument.of(Map.of(), new CallDocument.Hangup(null)));
    }

    /**
     * A host of a show on now calling from their number is asked for their PIN; a right PIN makes them the
     * show's host, three wrong ones an ordinary caller. Empty when the call is not (or no longer) about a PIN.
     */
    private Optional<CallDocument> hostPin(InboundRequest request, Station station, Optional<Host> host, Map<String, String> own) {
        int pinTry = number(request.field(PIN_TRY));
        if (number(request.field(HOST)) > 0 || host.isEmpty()) {
            return Optional.empty();
        }
        String language = station.languages().getFirst();
        if (pinTry == 0) {
            if (number(request.field(SEQ)) > 0) {
                return Optional.empty();
            }
            own.put(PIN_TRY, "1");
            return Optional.of(new CallDocument(Map.of(), Map.of("baraza_station", Long.toString(station.id().value())),
                    List.of(new Answer(), askPin(station, language))));
        }
        String entered = request.field("digits");
        boolean right = entered != null && PIN_TEXT.matcher(entered).matches() && stores.hosts().verifyPin(host.get().id(), new Pin(entered));
        if (right) {
            LOG.info("call {}: host {} gave their PIN", request.session(), host.get().id().value());
            own.put(PIN_TRY, "0");
            own.put(HOST, Long.toString(host.get().id().value()));
            return Optional.empty();
        }
        own.put(PIN_TRY, pinTry >= PIN_TRIES ? "0" : Integer.toString(pinTry + 1));
        if (pinTry >= PIN_TRIES) {
            LOG.warn("call {}: {} wrong PINs for host {}; taken as a caller", request.session(), PIN_TRIES, host.get().id().value());
            return Optional.empty();
        }
        return Optional.of(CallDocument.of(Map.of(), new Play(List.of(prompts.path(station.id(), language, "wrong-pin"))),
                askPin(station, language)));
    }

    private Digits askPin(Station station, String language) {
        return new Digits(List.of(prompts.path(station.id(), language, "enter-pin")), 8, PIN_TIMEOUT, "digits");
    }

    /** A listener's message, moved to the recordings directory and queued for moderation; empty if nothing was said. */
    private Optional<RecordingId> store(Path upload, Call call, StationId station, Instant now) {
        Duration length = length(upload);
        if (length.compareTo(SHORTEST_MESSAGE) < 0) {
            LOG.info("call {}: a recording of {} ms is not a message; dropped", call.id(), length.toMillis());
            return Optional.empty();
        }
        String relative = "station-" + station.value() + "/" + DAY.format(now) + "/" + call.id() + "-"
                + now.toEpochMilli() + ".wav";
        Path target = recordingsDir.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
            Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.error("call {}: cannot store the recording at {}: {}", call.id(), target, e.getMessage());
            return Optional.empty();
        }
        try {
            String from = call.direction() == CallDirection.INBOUND ? call.fromNumber() : call.toNumber();
            return Optional.of(stores.recordings().create(new NewRecording(station, null, call.id(),
                    RecordingKind.LISTENER_MESSAGE, from, relative, length, now)).id());
        } catch (DomainException e) {
            LOG.error("call {}: the recording could not be logged ({}); its file is removed", call.id(), e.getMessage());
            quietlyDelete(target);
            return Optional.empty();
        }
    }

    /** The station's answer with the router's own params, and the call marked answered once a step answers it. */
    private static CallDocument document(Map<String, String> own, InboundRequest request, CallDocument answer) {
        Map<String, String> params = new LinkedHashMap<>(answer.params());
        params.putAll(own);
        if (answered(request) || answer.steps().stream().anyMatch(CallRouter::answers)) {
            params.put(ANSWERED, "1");
        }
        return new CallDocument(params, answer.variables(), answer.steps());
    }

    private static boolean answers(Step step) {
        return step instanceof Answer || step instanceof Join || step instanceof Record;
    }

    private CallDocument fallback(InboundRequest request, Station station) {
        List<Step> steps = new ArrayList<>();
        if (!answered(request)) {
            steps.add(new Answer());
        }
        String language = station.languages().getFirst();
        steps.add(new Play(List.of(prompts.path(station.id(), language, "station-unavailable"))));
        steps.add(new CallDocument.Hangup("NORMAL_CLEARING"));
        return new CallDocument(Map.of(), Map.of(), steps);
    }

    /** What a replayed or forged request gets: the end of whatever sent it, nothing else. */
    private static CallDocument replayed() {
        return CallDocument.of(Map.of(), new CallDocument.Hangup("NORMAL_CLEARING"));
    }

    /** The station's params ({@code bz_...}) and the keys FreeSWITCH collected for them; nothing of the router's. */
    private static Map<String, String> stationParams(InboundRequest request) {
        Map<String, String> params = new HashMap<>();
        request.fields().forEach((name, value) -> {
            if ((name.startsWith("bz_") || COLLECTED.contains(name)) && value != null && value.length() <= 200) {
                params.put(name, value);
            }
        });
        return params;
    }

    /**
     * Whether the call was answered: Baraza answered it (its param says so), or it was answered before the
     * webhook was first asked (a call Baraza placed). The caller profile's answer time is the one from the
     * first request: it never changes during a call.
     */
    static boolean answered(InboundRequest request) {
        String answeredTime = request.field("Caller-Channel-Answered-Time");
        return "1".equals(request.field(ANSWERED)) || (answeredTime != null && !answeredTime.isBlank() && !"0".equals(answeredTime));
    }

    private static Duration length(Path file) {
        try {
            var format = AudioSystem.getAudioFileFormat(file.toFile());
            float rate = format.getFormat().getFrameRate();
            return format.getFrameLength() <= 0 || rate <= 0 ? Duration.ZERO
                    : Duration.ofMillis((long) (format.getFrameLength() * 1000L / rate));
        } catch (IOException | UnsupportedAudioFileException e) {
            return Duration.ZERO;
        }
    }

    /** A caller id or dialled number kept as delivered (untrusted), cut to what the call log holds. */
    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= 64 ? value : value.substring(0, 64);
    }

    private static int number(String value) {
        if (value == null || !COUNT.matcher(value).matches()) {
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static CompletableFuture<CallDocument> done(CallDocument document) {
        return CompletableFuture.completedFuture(document);
    }

    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (DomainException e) {
            LOG.debug("call log: {}", e.getMessage());
        }
    }

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", file, e.getMessage());
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
