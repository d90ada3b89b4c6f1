package org.baraza.daemon.station;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.baraza.core.DialTemplate;
import org.baraza.core.Ids.StationId;
import org.baraza.core.db.Jdbis;
import org.baraza.core.db.Stores;
import org.baraza.core.media.Prompts;
import org.baraza.daemon.esl.EslConnection;
import org.baraza.daemon.esl.RecordedEvents;
import org.baraza.daemon.esl.SwitchCommands;
import org.baraza.daemon.esl.SwitchEvent;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.daemon.notice.Notifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * JMH: a FreeSWITCH event, parsed, to its station's mailbox, through the daemon's own {@link SwitchEventRouter} and
 * {@link StationActor#switchEvent}, on one daemon running {@code stations} stations that each follow
 * {@value #LEGS_PER_STATION} legs in the {@link LegOwners} index (a live show: transmitter, host, three callers).
 * Two recorded FreeSWITCH 1.10.12 events ({@link RecordedEvents}): a key press, which comes without the channel's
 * variables and so is found through the index (its leg is the last station's), and a {@code CHANNEL_ANSWER} of
 * station 7, found by its {@code baraza_station} variable.
 *
 * <p>The actors are real but not started (a running one needs the database and FreeSWITCH): each operation takes
 * the message back out of the mailbox, as the station's thread would, so that mailboxes do not grow; waking a
 * station's parked thread is not measured. In this package because the actor's constructor and
 * {@link StationActor#takeWaiting} are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventRoutingBenchmark {

    private static final int LEGS_PER_STATION = 5;
    private static final StationId ANSWERED_STATION = new StationId(7);
    private static final Instant AT = Instant.parse("2026-11-21T22:03:32Z");

    @Param({"1000", "5000"})
    int stations;

    private final Map<StationId, StationActor> actors = new ConcurrentHashMap<>();
    private EslConnection esl;
    private ScheduledExecutorService timers;
    private SwitchEventRouter router;
    private SwitchEvent keyPress;
    private SwitchEvent answered;
    private StationActor keyStation;
    private StationActor answeredStation;

    @Setup
    public void setUp() {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        Path media = Path.of("/var/lib/baraza/media");
        LegOwners owners = new LegOwners();
        // Neither is ever used: an actor that is not started reads no database and sends FreeSWITCH nothing.
        esl = EslConnection.create(new SwitchNode("fs1", "127.0.0.1", 8021, "ClueCon"), clock, event -> { });
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("jmh-station-timers").factory());
        StationActor.Context context = new StationActor.Context(Stores.on(Jdbis.create(new PGSimpleDataSource())),
                new SwitchCommands(esl, "default"), timers, clock, media, "loopback/9102", StationObserver.NONE,
                Prompts.at(media), "default", new DialTemplate("sofia/gateway/gsm1/{number}"), Notifier.off(), status -> { },
                owners);
        keyPress = RecordedEvents.parsed(RecordedEvents.DTMF, "fs1", AT);
        answered = RecordedEvents.parsed(RecordedEvents.CHANNEL_ANSWER, "fs1", AT);
        UUID pressedOn = ((SwitchEvent.DtmfReceived) keyPress).uuid();
        SplittableRandom random = new SplittableRandom(8);
        for (long value = 1; value <= stations; value++) {
            StationId station = new StationId(value);
            actors.put(station, new StationActor(station, context));
            for (int leg = 0; leg < LEGS_PER_STATION; leg++) {
                owners.owns(station, new UUID(random.nextLong(), random.nextLong()));
            }
        }
        StationId last = new StationId(stations);
        owners.owns(last, pressedOn);
        router = new SwitchEventRouter(actors, owners);
        keyStation = actors.get(last);
        answeredStation = actors.get(ANSWERED_STATION);
    }

    @TearDown
    public void tearDown() {
        actors.clear();
        timers.shutdownNow();
        esl.close();
    }

    /** A key press, to the station that follows its leg: the index's lookup, then the mailbox. */
    @Benchmark
    public StationMessage keyPress() {
        router.route(keyPress);
        return keyStation.takeWaiting();
    }

    /** A {@code CHANNEL_ANSWER}, to the station its {@code baraza_station} variable names. */
    @Benchmark
    public StationMessage channelAnswered() {
        router.route(answered);
        return answeredStation.takeWaiting();
    }

    /** How many messages waited in all the stations' mailboxes, taken out: for the smoke test. */
    int waiting() {
        int waiting = 0;
        for (StationActor actor : actors.values()) {
            while (actor.takeWaiting() != null) {
                waiting++;
            }
        }
        return waiting;
    }
}
