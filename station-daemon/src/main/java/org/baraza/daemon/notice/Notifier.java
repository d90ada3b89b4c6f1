package org.baraza.daemon.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.AiringId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.people.User;
import org.baraza.core.program.Program;
import org.baraza.core.sms.OutboundSms;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationNumber;
import org.baraza.sms.keyword.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a daemon's reminders and alerts in the SMS outbox, off the stations' threads: on a thread of its own,
 * one message per recipient, each under an idempotency key, so that a trigger fired again or a daemon
 * restarted queues nothing twice. Reminders go to the show's hosts and its subscribers; alerts go to the
 * station's managers, at most one of a kind per station per cooldown ({@link org.baraza.core.alert.AlertStore}).
 * Messages are in the station's first language and sent from its first SMS number; a station without one
 * texts nobody.
 *
 * <p>Lives from {@link #start} to {@link #close}; thread-safe. {@link #off()} does nothing.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Stores stores;
    private final NoticeSettings settings;
    private final Clock clock;
    private final ExecutorService thread;

    private Notifier(Stores stores, NoticeSettings settings, Clock clock, ExecutorService thread) {
        this.stores = stores;
        this.settings = settings;
        this.clock = clock;
        this.thread = thread;
    }

    public static Notifier start(Stores stores, NoticeSettings settings, Clock clock) {
        return new Notifier(stores, settings, clock,
                Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("daemon-notices").factory()));
    }

    /** A notifier that texts nobody: for a daemon without an SMS provider. */
    public static Notifier off() {
        return new Notifier(null, null, null, null);
    }

    /** How long a station may be silent before its managers hear of it; empty when nobody is told. */
    public Optional<Duration> silenceAllowed() {
        return settings == null ? Optional.empty() : Optional.of(settings.silenceAllowed());
    }

    /** How long before a show its reminders go; empty when nobody is reminded. */
    public Optional<Duration> reminderLead() {
        return settings == null ? Optional.empty() : Optional.of(settings.reminderLead());
    }

    /** Queues the airing's reminders, soon; any thread. */
    public void remind(AiringId airing) {
        later(() -> remindNow(airing, clock.instant()), "reminders of " + airing);
    }

    /** Queues the alert for the station's managers, soon, unless one of its kind went within the cooldown; any thread. */
    public void alert(Alert alert) {
        later(() -> alertNow(alert, clock.instant()), alert.kind().key() + " alert about " + alert.station());
    }

    /**
     * Queues a reminder for each host of the airing's show who has a phone and each subscriber of the show,
     * unless the airing is no longer to come (cancelled, started, over) at {@code now}.
     */
    List<SmsMessage> remindNow(AiringId id, Instant now) {
        Optional<Airing> found = stores.airings().find(id);
        if (found.isEmpty() || !isToCome(found.get(), now)) {
            return List.of();
        }
        Airing airing = found.get();
        Station station = stores.stations().get(airing.stationId());
        Optional<PhoneNumber> from = smsNumber(station);
        if (from.isEmpty()) {
            return List.of();
        }
        Program show = stores.programs().get(airing.programId());
        String language = station.languages().getFirst();
        String time = clockTime(airing.plannedStart(), station.timeZone());
        String listeners = Notice.LISTENER_REMINDER.in(language, show.name(), station.name(), time,
                Notice.unsubscribeWord(language), show.name());
        // A host who also subscribed gets the host's reminder only.
        Map<PhoneNumber, Reminder> reminders = new LinkedHashMap<>();
        for (Host host : stores.programs().hosts(show.id())) {
            if (host.active() && host.phoneNumber() != null) {
                reminders.put(host.phoneNumber(), new Reminder("host",
                        Notice.HOST_REMINDER.in(language, show.name(), station.name(), time)));
            }
        }
        stores.subscriptions().subscribers(station.id(), show.id())
                .forEach(number -> reminders.putIfAbsent(number, new Reminder("listener", listeners)));
        List<SmsMessage> queued = new ArrayList<>();
        reminders.forEach((to, reminder) -> enqueue(station, from.get(), to, reminder.text(),
                "reminder:" + airing.id().value() + ":" + reminder.role() + ":" + to.value(), now).ifPresent(queued::add));
        return queued;
    }

    private record Reminder(String role, String text) {
    }

    /** Queues the alert for each manager of the station with a phone, if this is its kind's turn at {@code now}. */
    List<SmsMessage> alertNow(Alert alert, Instant now) {
        Station station = stores.stations().get(alert.station());
        Optional<PhoneNumber> from = smsNumber(station);
        List<PhoneNumber> managers = stores.users().managersOf(station.id()).stream().map(User::phoneNumber)
                .filter(number -> number != null).distinct().toList();
        if (from.isEmpty() || managers.isEmpty()
                || !stores.alerts().takeTurn(station.id(), alert.kind(), now, settings.alertCooldown())) {
            return List.of();
        }
        String text = text(alert, station);
        List<SmsMessage> queued = new ArrayList<>();
        for (PhoneNumber to : managers) {
            enqueue(station, from.get(), to, text,
                    "alert:" + station.id().value() + ":" + alert.kind().key() + ":" + now.toEpochMilli() + ":" + to.value(), now)
                    .ifPresent(queued::add);
        }
        return queued;
    }

    private String text(Alert alert, Station station) {
        String language = station.languages().getFirst();
        ZoneId zone = station.timeZone();
        return switch (alert.kind()) {
            case TRANSMITTER_UNREACHABLE -> Notice.TRANSMITTER_UNREACHABLE.in(language, station.name(), alert.cause());
            case SILENCE -> Notice.SILENCE.in(language, station.name(), clockTime(alert.since(), zone), alert.cause());
            case AIRING_FAILED -> {
                Airing airing = stores.airings().get(alert.airing());
                String show = stores.programs().get(airing.programId()).name();
                yield Notice.AIRING_FAILED.in(language, show, station.name(), clockTime(airing.plannedStart(), zone), alert.cause());
            }
        };
    }

    private Optional<SmsMessage> enqueue(Station station, PhoneNumber from, PhoneNumber to, String text, String key,
                                         Instant now) {
        try {
            return Optional.of(stores.outbox().enqueue(
                    OutboundSms.of(station.networkId(), station.id(), settings.provider(), from, to, text, key), now));
        } catch (DomainException.Conflict refused) {
            // Opted out (STOP): the outbox keeps nothing for them.
            LOG.debug("{}: not texting {}: {}", station.id(), to, refused.getMessage());
            return Optional.empty();
        }
    }

    private Optional<PhoneNumber> smsNumber(Station station) {
        Optional<PhoneNumber> number = stores.stations().numbers(station.id()).stream().filter(StationNumber::sms)
                .map(StationNumber::number).findFirst();
        if (number.isEmpty()) {
            LOG.warn("{} has no SMS number: its reminders and alerts are not sent", station.id());
        }
        return number;
    }

    private static boolean isToCome(Airing airing, Instant now) {
        return (airing.status() == AiringStatus.SCHEDULED || airing.status() == AiringStatus.PREPARING)
                && airing.plannedStart().isAfter(now);
    }

    private static String clockTime(Instant at, ZoneId zone) {
        return CLOCK_TIME.withZone(zone).format(at);
    }

    private void later(Runnable work, String what) {
        if (thread == null) {
            return;
        }
        thread.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("queueing the {} failed", what, e);
            }
        });
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        // What the stations asked for before they stopped is still queued.
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("reminders and alerts still being queued after {} are given up", CLOSE_PATIENCE);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
