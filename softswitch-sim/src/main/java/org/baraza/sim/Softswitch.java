package org.baraza.sim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.baraza.sim.internal.api.ApiCommands;
import org.baraza.sim.internal.api.StatusReport;
import org.baraza.sim.internal.call.AppCall;
import org.baraza.sim.internal.call.Dialplan;
import org.baraza.sim.internal.call.Leg;
import org.baraza.sim.internal.call.PhoneBook;
import org.baraza.sim.internal.call.Switchboard;
import org.baraza.sim.internal.channel.Channel;
import org.baraza.sim.internal.channel.ChannelEvents;
import org.baraza.sim.internal.conference.ConferenceApi;
import org.baraza.sim.internal.conference.ConferenceProfile;
import org.baraza.sim.internal.conference.Conferences;
import org.baraza.sim.internal.control.ControlServer;
import org.baraza.sim.internal.esl.EslServer;
import org.baraza.sim.internal.event.EventBus;
import org.baraza.sim.internal.event.EventFactory;
import org.baraza.sim.internal.event.EventLog;
import org.baraza.sim.internal.event.Header;
import org.baraza.sim.internal.event.SwitchEvent;
import org.baraza.sim.internal.event.SwitchIdentity;
import org.baraza.sim.internal.httapi.Httapi;
import org.baraza.sim.internal.loop.Heartbeat;
import org.baraza.sim.internal.loop.SwitchLoop;
import org.baraza.sim.internal.media.MediaFiles;

/**
 * A simulated FreeSWITCH 1.10.12: an inbound event socket that answers and fires events as the recorded
 * switch does, calls to scripted phones, conferences, and incoming calls run through mod_httapi against a
 * webhook. This is the one entry point: {@link #start} it with a {@link SoftswitchConfig}, drive it over ESL
 * like a real switch, and script and observe it through the methods here (tests) or the HTTP control API
 * (the demo). Every method is safe to call from any thread except the switch's own; observations are
 * snapshots. Lives until {@link #close}.
 */
public final class Softswitch implements AutoCloseable {
    private final SoftswitchConfig config;
    private final SwitchLoop loop;
    private final EventLog log;
    private final EventBus bus;
    private final PhoneBook phones;
    private final Switchboard board;
    private final Conferences conferences;
    private final ApiCommands api;
    private final EslServer esl;
    private final Httapi httapi;
    private final ControlServer control;
    private final Waiters waiters = new Waiters();

    private Softswitch(SoftswitchConfig config) throws IOException {
        this.config = config;
        Instant epoch = config.epoch() == null ? Instant.now() : config.epoch();
        this.loop = config.manualClock() ? SwitchLoop.manual(epoch) : SwitchLoop.scaled(epoch, config.timeScale());
        SwitchIdentity identity = new SwitchIdentity(UUID.randomUUID().toString(), config.hostname(),
                config.eslAddress().getAddress() == null ? "127.0.0.1" : hostAddress(config), "::1", config.zone());
        EventFactory factory = new EventFactory(identity, loop::nowMicros);
        this.bus = new EventBus();
        this.log = new EventLog(config.eventLogCapacity());
        bus.add(log);
        ChannelEvents events = new ChannelEvents(factory, bus);
        MediaFiles media = new MediaFiles(config.soundsDirectory(), config.fileRoot());
        this.phones = new PhoneBook();
        Dialplan dialplan = new Dialplan(steps(config.extensions()), steps(config.publicNumbers()),
                config.webhookUrl() == null ? null : config.webhookUrl().toString());
        this.board = new Switchboard(loop, events, dialplan, phones, media, config.zone(), identity.ipv4());
        this.conferences = new Conferences(board, media,
                config.conferenceSounds() ? ConferenceProfile.RECORDED : ConferenceProfile.SILENT, identity.ipv4());
        this.api = new ApiCommands(board, new ConferenceApi(conferences), config.hostname());
        this.httapi = new Httapi(board, config.hostname(), recordingsDirectory(config), config.httapiProfiles());
        loop.afterEachTurn(waiters::check);
        new Heartbeat(loop, factory, bus, config.heartbeat(), () -> board.legs().size(), board::sessionsSinceStart,
                StatusReport.BUILD).start();
        try {
            this.esl = EslServer.start(config.eslAddress(), config.eslPassword(), api, bus, factory,
                    config.eventQueueCapacity());
        } catch (IOException | RuntimeException e) {
            loop.close();
            httapi.close();
            throw e;
        }
        try {
            this.control = config.controlAddress() == null ? null : ControlServer.start(config.controlAddress(), this);
        } catch (IOException | RuntimeException e) {
            esl.close();
            loop.close();
            httapi.close();
            throw e;
        }
    }

    /** Starts a simulator; its event socket listens when this returns. */
    public static Softswitch start(SoftswitchConfig config) throws IOException {
        return new Softswitch(config);
    }

    public SoftswitchConfig config() {
        return config;
    }

    /** Where the event socket listens (with the real port when port 0 was asked for). */
    public InetSocketAddress eslAddress() {
        return esl.address();
    }

    public SimClock clock() {
        return new SimClock() {
            @Override
            public Instant now() {
                return loop.now();
            }

            @Override
            public boolean isManual() {
                return loop.isManual();
            }

            @Override
            public void advance(Duration by) {
                loop.advance(by);
            }
        };
    }

    /** Where the HTTP control API listens, when the configuration asked for it. */
    public Optional<InetSocketAddress> controlAddress() {
        return Optional.ofNullable(control).map(ControlServer::address);
    }

    /** How many ESL clients are connected now. */
    public int eslConnections() {
        return esl.connectionCount();
    }

    /**
     * Cuts every ESL client's connection, as a network failure would, while calls, conferences and
     * playbacks go on; the event socket keeps listening for the clients to come back.
     */
    public void dropEslConnections() {
        esl.dropConnections();
    }

    // --- scripting -----------------------------------------------------------------------------------------

    /**
     * Scripts the phone dialled at an address: a number ({@code 256700000001}, reached through
     * {@code sofia/gateway/<gw>/<number>}), a SIP {@code user@host}, or a registered user; {@code "*"} scripts
     * every phone that has no script of its own. A phone with no script at all is unreachable.
     */
    public void phone(String address, PhoneScript script) {
        phones.script(address, script);
    }

    /**
     * A phone calls a number of the switch: the call arrives on the external SIP profile and runs the public
     * dialplan (mod_httapi at the webhook, for a station number). The caller follows its script (hang up,
     * keys, talk) from the moment it dials. Returns the new channel's uuid.
     */
    public String placeCall(String from, String to, PhoneScript caller) {
        requireNumber(from, "caller");
        requireNumber(to, "called number");
        return onLoop(() -> board.placeCall(from, to, caller).uuid());
    }

    /** The phone on a SIP channel presses keys now; the digits arrive a quarter of a second apart. */
    public void pressKeys(String uuid, String digits) {
        // A key press checks its digits (0-9, *, #, A-D) before anything reaches the switch.
        PhoneScript.KeyPress press = new PhoneScript.KeyPress(Duration.ZERO, digits);
        onLoop(() -> {
            Leg leg = leg(uuid);
            long at = 0;
            for (char d : press.digits().toCharArray()) {
                if (at == 0) {
                    board.dtmfArrived(leg, d, "RTP");
                } else {
                    loop.schedule(Duration.ofMillis(at), () -> board.dtmfArrived(leg, d, "RTP"));
                }
                at += 250;
            }
            return null;
        });
    }

    /** The phone on a SIP channel hangs up by itself. */
    public void hangUp(String uuid) {
        onLoop(() -> {
            board.farEndHangsUp(leg(uuid));
            return null;
        });
    }

    /** The phone on a channel starts or stops talking (start-talking / stop-talking in its conference). */
    public void talk(String uuid, boolean talking) {
        onLoop(() -> {
            board.talking(leg(uuid), talking);
            return null;
        });
    }

    /** Runs an API command as an ESL client's {@code api} would, and returns its answer. */
    public String api(String command) {
        String[] words = commandWords(command);
        CompletableFuture<String> reply = new CompletableFuture<>();
        api.execute(words[0], words[1], reply::complete);
        return join(reply, "api " + command);
    }

    /**
     * Runs an API command as an ESL client's {@code bgapi} would: returns its job uuid at once; the answer
     * comes as the body of a BACKGROUND_JOB event with that {@code Job-UUID}.
     */
    public String backgroundApi(String command) {
        String[] words = commandWords(command);
        String job = UUID.randomUUID().toString();
        esl.runInBackground(job, words[0], words[1]);
        return job;
    }

    // --- observing -----------------------------------------------------------------------------------------

    public List<ChannelView> channels() {
        return onLoop(() -> board.legs().stream().map(l -> view(l.channel())).toList());
    }

    public Optional<ChannelView> channel(String uuid) {
        return onLoop(() -> board.leg(uuid).map(l -> view(l.channel())));
    }

    public List<ConferenceView> conferences() {
        return onLoop(conferences::describe);
    }

    public Optional<ConferenceView> conference(String name) {
        return conferences().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every event kept (the most recent {@link SoftswitchConfig#eventLogCapacity()}), oldest first. */
    public List<RecordedEvent> events() {
        return log.all().stream().map(Softswitch::recorded).toList();
    }

    /** The position of the next event in the log; pass it to {@link #eventsSince} to read what follows. */
    public long eventPosition() {
        return log.position();
    }

    /** The kept events at or after a position, oldest first. */
    public List<RecordedEvent> eventsSince(long position) {
        return eventsSince(position, Integer.MAX_VALUE);
    }

    /** At most {@code limit} of the kept events at or after a position, oldest first. */
    public List<RecordedEvent> eventsSince(long position, int limit) {
        return log.since(position, limit).stream().map(Softswitch::recorded).toList();
    }

    /** Waits until the channel exists and the condition holds, and returns it then. */
    public ChannelView awaitChannel(String uuid, Predicate<ChannelView> condition, Duration timeout) {
        CompletableFuture<ChannelView> done = new CompletableFuture<>();
        loop.execute(() -> waiters.add(() -> board.leg(uuid).map(l -> view(l.channel())).filter(condition).orElse(null),
                done));
        return await(done, timeout, "channel " + uuid);
    }

    /** Waits until no channel with the uuid exists (it was destroyed, or never was). */
    public void awaitGone(String uuid, Duration timeout) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        loop.execute(() -> waiters.add(() -> board.leg(uuid).isEmpty() ? Boolean.TRUE : null, done));
        await(done, timeout, "channel " + uuid + " to go");
    }

    /** Waits for the first event at or after the position that matches, and returns it. */
    public RecordedEvent awaitEvent(long fromPosition, Predicate<RecordedEvent> condition, Duration timeout) {
        CompletableFuture<RecordedEvent> done = new CompletableFuture<>();
        long[] unread = {fromPosition};
        loop.execute(() -> waiters.add(() -> {
            // Each check reads only the events fired since the last one.
            for (EventLog.Entry entry : log.since(unread[0])) {
                unread[0] = entry.position() + 1;
                RecordedEvent event = recorded(entry);
                if (condition.test(event)) {
                    return event;
                }
            }
            return null;
        }, done));
        return await(done, timeout, "an event");
    }

    @Override
    public void close() {
        if (control != null) {
            control.close();
        }
        esl.close();
        loop.close();
        httapi.close();
    }

    // --- internals -----------------------------------------------------------------------------------------

    private Leg leg(String uuid) {
        return board.leg(uuid).orElseThrow(() -> new IllegalArgumentException("no such channel: " + uuid));
    }

    private <T> T onLoop(java.util.function.Supplier<T> work) {
        return join(loop.call(work), "the switch");
    }

    private static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from " + what + " within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Cancelled, the waiter is dropped at the switch's next turn instead of being checked forever.
            future.cancel(false);
            throw new IllegalStateException("waited " + timeout + " for " + what + " in vain");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    private static ChannelView view(Channel c) {
        return new ChannelView(c.uuid(), c.name(), c.direction().wireName(), c.state().name(), c.callState().name(),
                c.answerState().wireName(), c.profile().callerIdNumber(), c.profile().destinationNumber(),
                c.application(), c.applicationData(), c.hangupCause() == null ? null : c.hangupCause().name(),
                new LinkedHashMap<>(c.variables()));
    }

    private static RecordedEvent recorded(EventLog.Entry entry) {
        SwitchEvent e = entry.event();
        List<Map.Entry<String, String>> headers = new ArrayList<>(e.headers().size());
        for (Header h : e.headers()) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(h.name(), h.value()));
        }
        return new RecordedEvent(entry.position(), e.name(), e.subclass(), e.sequence(), headers, e.body());
    }

    private static Map<String, List<AppCall>> steps(Map<String, List<String>> text) {
        Map<String, List<AppCall>> out = new LinkedHashMap<>();
        text.forEach((number, lines) -> out.put(number, lines.stream().map(AppCall::parse).toList()));
        return out;
    }

    /** Where mod_httapi's recordings wait for upload: FreeSWITCH's temp directory, under the file root if any. */
    private static java.nio.file.Path recordingsDirectory(SoftswitchConfig config) {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        return config.fileRoot() == null ? tmp.resolve("baraza-sim") : config.fileRoot().resolve("tmp");
    }

    private static String hostAddress(SoftswitchConfig config) {
        String host = config.eslAddress().getAddress().getHostAddress();
        return host.equals("0.0.0.0") ? "127.0.0.1" : host;
    }

    /** The command's name and its argument (null when it has none). */
    private static String[] commandWords(String command) {
        String line = command.trim();
        if (line.isEmpty()) {
            throw new IllegalArgumentException("an API command is needed");
        }
        int space = line.indexOf(' ');
        return new String[] {space < 0 ? line : line.substring(0, space), space < 0 ? null : line.substring(space + 1)};
    }

    private static void requireNumber(String value, String what) {
        if (value == null || !value.matches("[A-Za-z0-9+*#._-]{1,64}")) {
            throw new IllegalArgumentException("the " + what + " must be a phone number or SIP user: " + value);
        }
    }
}
