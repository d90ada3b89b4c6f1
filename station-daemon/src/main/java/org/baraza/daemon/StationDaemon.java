package org.baraza.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.baraza.core.DialTemplate;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.db.Stores;
import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.HubMessage;
import org.baraza.core.hub.HubMessage.CallRequest;
import org.baraza.core.media.Prompts;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.daemon.esl.EslConnection;
import org.baraza.daemon.esl.SwitchCommands;
import org.baraza.daemon.esl.SwitchEvent;
import org.baraza.daemon.esl.SwitchNode;
import org.baraza.daemon.hub.HubClient;
import org.baraza.daemon.notice.NoticeSettings;
import org.baraza.daemon.notice.Notifier;
import org.baraza.daemon.schedule.AiringPlanner;
import org.baraza.daemon.schedule.AiringScheduler;
import org.baraza.daemon.schedule.AiringTrigger;
import org.baraza.daemon.station.LegOwners;
import org.baraza.daemon.station.StationActor;
import org.baraza.daemon.station.StationObserver;
import org.baraza.daemon.station.SwitchEventRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station daemon's composition root (STYLE 3): the ESL connection to FreeSWITCH, Quartz, the planner,
 * and one {@link StationActor} for each station whose lease it holds. It routes FreeSWITCH's events to
 * stations through its {@link SwitchEventRouter} (by the {@code baraza_station} variable, by conference name and,
 * for key presses, by the station that follows the leg), and Quartz's triggers by station. Leases are taken and
 * renewed on a timer: a station whose daemon stopped renewing is taken over, its airings planned anew here.
 *
 * <p>Lives from {@link #start} to {@link #close}; thread-safe.
 */
public final class StationDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StationDaemon.class);

    /**
     * @param daemonId          this daemon's name in station leases and Quartz
     * @param mediaRoot         where FreeSWITCH finds the media files (paths in the database are relative to it)
     * @param conferenceProfile the FreeSWITCH conference profile of on-air conferences
     * @param anchorDialString  a dial string that answers and stays, to keep a conference alive (a loopback to a
     *                          parking extension)
     * @param planHorizon       how far ahead airings are planned
     * @param leaseTtl          how long a station lease lasts without renewal
     * @param networks          the slugs of the networks whose stations this daemon may run; empty for all
     * @param dialTemplate      how to call phones (hosts, guests, call-backs) for a station that did not set its own
     * @param hubEndpoint       the telephony server's ZeroMQ hub, whose callers' calls the daemon's stations
     *                          answer; null for a daemon that takes no calls (airings only)
     * @param notices           how the stations send reminders and alerts by SMS; null for a daemon that sends none
     * @param earlyLead         how long before its moment each airing's trigger also fires early, the station then
     *                          holding it on a timer of its own ({@link AiringScheduler}); {@link AiringScheduler#EARLY}
     *                          unless set
     */
    public record Settings(String daemonId, SwitchNode node, Path mediaRoot, String conferenceProfile, String anchorDialString,
                           Duration planHorizon, Duration leaseTtl, Duration oneOffPrepareLead, Set<String> networks,
                           DialTemplate dialTemplate, String hubEndpoint, NoticeSettings notices, Duration earlyLead) {
        public Settings {
            networks = Set.copyOf(networks);
            if (earlyLead.isNegative() || earlyLead.isZero()) {
                throw new IllegalArgumentException("the early lead must be positive, not " + earlyLead);
            }
        }

        /** Settings whose airings fire {@link AiringScheduler#EARLY} early. */
        public Settings(String daemonId, SwitchNode node, Path mediaRoot, String conferenceProfile, String anchorDialString,
                        Duration planHorizon, Duration leaseTtl, Duration oneOffPrepareLead, Set<String> networks,
                        DialTemplate dialTemplate, String hubEndpoint, NoticeSettings notices) {
            this(daemonId, node, mediaRoot, conferenceProfile, anchorDialString, planHorizon, leaseTtl, oneOffPrepareLead,
                    networks, dialTemplate, hubEndpoint, notices, AiringScheduler.EARLY);
        }

        /** Settings of a daemon that sends no reminders or alerts. */
        public Settings(String daemonId, SwitchNode node, Path mediaRoot, String conferenceProfile, String anchorDialString,
                        Duration planHorizon, Duration leaseTtl, Duration oneOffPrepareLead, Set<String> networks,
                        DialTemplate dialTemplate, String hubEndpoint) {
            this(daemonId, node, mediaRoot, conferenceProfile, anchorDialString, planHorizon, leaseTtl, oneOffPrepareLead,
                    networks, dialTemplate, hubEndpoint, null);
        }

        /** The same settings, taking calls from the hub at {@code endpoint}. */
        public Settings withHub(String endpoint) {
            return new Settings(daemonId, node, mediaRoot, conferenceProfile, anchorDialString, planHorizon, leaseTtl,
                    oneOffPrepareLead, networks, dialTemplate, endpoint, notices, earlyLead);
        }

        /** The same settings, sending reminders and alerts so (null: none). */
        public Settings withNotices(NoticeSettings newNotices) {
            return new Settings(daemonId, node, mediaRoot, conferenceProfile, anchorDialString, planHorizon, leaseTtl,
                    oneOffPrepareLead, networks, dialTemplate, hubEndpoint, newNotices, earlyLead);
        }

        /** The same settings, firing airings' triggers {@code lead} early. */
        public Settings withEarlyLead(Duration lead) {
            return new Settings(daemonId, node, mediaRoot, conferenceProfile, anchorDialString, planHorizon, leaseTtl,
                    oneOffPrepareLead, networks, dialTemplate, hubEndpoint, notices, lead);
        }
    }

    private final Settings settings;
    private final Stores stores;
    private final Clock clock;
    private final Map<StationId, StationActor> stations = new ConcurrentHashMap<>();
    /** Which station follows which leg, kept by the stations themselves. */
    private final LegOwners owners = new LegOwners();
    private final SwitchEventRouter router = new SwitchEventRouter(stations, owners);
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private final ScheduledExecutorService timers;
    private final ScheduledExecutorService housekeeping;
    private final ExecutorService planning;
    private final EslConnection esl;
    private final SwitchCommands freeSwitch;
    private final AiringScheduler scheduler;
    private final AiringPlanner planner;
    private final PlanListener planListener;
    private final StationObserver observer;
    private final Prompts prompts;
    private final HubClient hub;
    private final Notifier notifier;
    /** Whether Quartz fires yet: from the first time the daemon took its stations. Housekeeping thread only. */
    private boolean firing;

    private StationDaemon(Settings settings, DataSource dataSource, Stores stores, Clock clock, StationObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.stores = stores;
        this.clock = clock;
        this.timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("station-timers").factory());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("daemon-leases").factory());
        this.planning = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("daemon-planner").factory());
        this.esl = EslConnection.create(settings.node(), clock, this::route);
        this.freeSwitch = new SwitchCommands(esl, settings.conferenceProfile());
        // On standby until the stations run: a trigger missed while the daemon was down fires only once its
        // station's actor is there to take it.
        this.notifier = settings.notices() == null ? Notifier.off() : Notifier.start(stores, settings.notices(), clock);
        this.scheduler = AiringScheduler.start(dataSource, settings.daemonId(), this::route, false,
                notifier.reminderLead().orElse(null), settings.earlyLead());
        this.planner = new AiringPlanner(stores.schedules(), stores.airings(), scheduler, clock, settings.planHorizon(),
                settings.oneOffPrepareLead());
        this.planListener = PlanListener.start(dataSource, this::planChanged);
        this.prompts = Prompts.install(settings.mediaRoot());
        this.hub = settings.hubEndpoint() == null ? null : HubClient.connect(settings.hubEndpoint(), settings.daemonId(),
                () -> stations.keySet().stream().map(StationId::value).sorted().toList(),
                () -> List.of(new HubMessage.SwitchLink(settings.node().name(), isConnected())), this::answer);
    }

    public static StationDaemon start(Settings settings, DataSource dataSource, Stores stores, Clock clock) {
        return start(settings, dataSource, stores, clock, StationObserver.NONE);
    }

    /** @param observer sees every station's steps (a live view); it must not block */
    public static StationDaemon start(Settings settings, DataSource dataSource, Stores stores, Clock clock,
                                      StationObserver observer) {
        StationDaemon daemon = new StationDaemon(settings, dataSource, stores, clock, observer);
        daemon.esl.start();
        Duration every = settings.leaseTtl().dividedBy(3);
        daemon.housekeeping.scheduleWithFixedDelay(daemon::takeStations, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        daemon.housekeeping.scheduleWithFixedDelay(daemon::planAll, 10, 10, TimeUnit.MINUTES);
        return daemon;
    }

    /** The stations this daemon runs now. */
    public Set<StationId> stations() {
        return Set.copyOf(stations.keySet());
    }

    public boolean isConnected() {
        return esl.isReady();
    }

    /** Takes the leases of every station it can, and gives up the actors of those it lost. */
    private void takeStations() {
        if (firstConnection.getCount() > 0) {
            return;
        }
        takeLeases();
        if (!firing) {
            firing = true;
            scheduler.fire();
        }
    }

    private void takeLeases() {
        try {
            for (Network network : stores.networks().list()) {
                if (!settings.networks().isEmpty() && !settings.networks().contains(network.slug())) {
                    continue;
                }
                for (Station station : stores.stations().list(network.id())) {
                    boolean held = stores.leases().acquire(station.id(), settings.daemonId(), clock.instant(),
                            settings.leaseTtl()).isPresent();
                    if (held && !stations.containsKey(station.id())) {
                        startStation(station.id());
                    } else if (!held && stations.containsKey(station.id())) {
                        stopStation(station.id());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("taking station leases failed", e);
        }
    }

    private void startStation(StationId station) {
        LOG.info("{}: running it", station);
        StationActor.Context context = new StationActor.Context(stores, freeSwitch, timers, clock, settings.mediaRoot(),
                settings.anchorDialString(), observer, prompts, settings.conferenceProfile(), settings.dialTemplate(), notifier,
                hub == null ? status -> { } : hub::report, owners);
        stations.put(station, StationActor.start(station, context));
        planning.execute(() -> plan(station));
    }

    private void stopStation(StationId station) {
        LOG.warn("{}: another daemon holds it now; letting it go", station);
        StationActor actor = stations.remove(station);
        if (actor != null) {
            actor.close();
        }
        if (hub != null) {
            hub.forget(station.value());
        }
        for (AiringId airing : scheduler.scheduledAirings(station)) {
            scheduler.remove(station, airing);
        }
    }

    private void planAll() {
        stations.keySet().forEach(station -> planning.execute(() -> plan(station)));
    }

    private void plan(StationId station) {
        try {
            planner.plan(station);
        } catch (RuntimeException e) {
            LOG.error("{}: planning failed", station, e);
        }
    }

    private void planChanged(StationId station) {
        StationActor actor = stations.get(station);
        if (actor != null) {
            actor.settingsChanged();
            planning.execute(() -> plan(station));
        }
    }

    /** The hub: a caller's call, to its station's mailbox. A station this daemon does not run gets no answer. */
    private CompletableFuture<CallDocument> answer(CallRequest request) {
        StationActor actor = stations.get(new StationId(request.station()));
        if (actor == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("station " + request.station() + " is not run here"));
        }
        return actor.call(request);
    }

    /** Quartz: to the station's mailbox. */
    private void route(AiringTrigger trigger) {
        StationActor actor = stations.get(trigger.station());
        if (actor != null) {
            actor.trigger(trigger);
        } else {
            LOG.warn("{} fired for {}, which this daemon does not run", trigger.phase(), trigger.station());
        }
    }

    /**
     * FreeSWITCH: to the stations the event is about. The first connection lets the daemon take its stations (there
     * are none to tell yet). Called on the ESL client's threads: only enqueues.
     */
    private void route(SwitchEvent event) {
        if (event instanceof SwitchEvent.Connected && firstConnection.getCount() > 0) {
            firstConnection.countDown();
            housekeeping.execute(this::takeStations);
        } else {
            router.route(event);
        }
    }

    @Override
    public void close() {
        if (hub != null) {
            hub.close();
        }
        housekeeping.shutdownNow();
        planListener.close();
        stations.values().forEach(StationActor::close);
        stations.keySet().forEach(station -> stores.leases().release(station, settings.daemonId()));
        stations.clear();
        notifier.close();
        planning.shutdownNow();
        scheduler.close();
        esl.close();
        timers.shutdownNow();
    }
}
