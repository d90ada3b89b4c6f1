package org.baraza.daemon.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.people.Password;
import org.baraza.core.people.Role;
import org.baraza.core.people.User;
import org.baraza.core.people.UserDetails;
import org.baraza.core.program.Program;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.sms.SmsStatus;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.station.StationSettings;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reminders and alerts queued in the real outbox on PostgreSQL; time is passed in. */
@ExtendWith(PostgresExtension.class)
class NotifierTest {

    private static final Instant START = Instant.parse("2026-11-21T04:00:00Z");
    private static final Duration COOLDOWN = Duration.ofHours(1);
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final Stores stores;
    private final Fixtures fixtures;
    private final Network network;
    private final Notifier notifier;

    NotifierTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
        this.network = fixtures.network();
        this.notifier = Notifier.start(stores, new NoticeSettings("twilio", Duration.ofMinutes(15), Duration.ofMinutes(5),
                COOLDOWN), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        notifier.close();
    }

    @Test
    void theHostsAndSubscribersOfAShowAreRemindedOnceEachButNotWhoTextedStop() {
        Station station = station("en");
        Program show = fixtures.program(network);
        Host host = fixtures.host(network);
        stores.programs().setHosts(show.id(), List.of(host.id()));
        PhoneNumber listener = Fixtures.uniquePhoneNumber();
        PhoneNumber stopped = Fixtures.uniquePhoneNumber();
        stores.subscriptions().subscribe(station.id(), show.id(), listener, START.minus(Duration.ofDays(1)));
        stores.subscriptions().subscribe(station.id(), show.id(), stopped, START.minus(Duration.ofDays(1)));
        stores.subscriptions().subscribe(station.id(), show.id(), host.phoneNumber(), START.minus(Duration.ofDays(1)));
        stores.subscriptions().optOut(network.id(), stopped, null, START.minus(Duration.ofHours(1)));
        Airing airing = airing(station, show);

        List<SmsMessage> queued = notifier.remindNow(airing.id(), START.minus(Duration.ofMinutes(15)));

        assertThat(queued).extracting(SmsMessage::toAddress, SmsMessage::body).containsExactly(
                tuple(host.phoneNumber().value(),
                        "Reminder: you present " + show.name() + " on " + station.name() + " at 07:00."),
                tuple(listener.value(), "Reminder: " + show.name() + " is on " + station.name()
                        + " at 07:00. Text UNSUB " + show.name() + " to stop these reminders."));
        assertThat(queued).extracting(SmsMessage::status).containsOnly(SmsStatus.QUEUED);
        assertThat(queued).extracting(SmsMessage::fromAddress).containsOnly(smsNumberOf(station));
        // Fired again (a restarted daemon, Quartz's misfire): the same messages, nothing new.
        assertThat(notifier.remindNow(airing.id(), START.minus(Duration.ofMinutes(10)))).isEqualTo(queued);
    }

    @Test
    void aRemindersLanguageIsTheStationsFirst() {
        Station station = station("sw", "en");
        Program show = fixtures.program(network);
        PhoneNumber listener = Fixtures.uniquePhoneNumber();
        stores.subscriptions().subscribe(station.id(), show.id(), listener, START.minus(Duration.ofDays(1)));

        List<SmsMessage> queued = notifier.remindNow(airing(station, show).id(), START.minus(Duration.ofMinutes(15)));

        assertThat(queued).extracting(SmsMessage::body).containsExactly("Kumbusho: " + show.name() + " kiko kwenye "
                + station.name() + ", 07:00. Tuma JITOE " + show.name() + " kuacha vikumbusho hivi.");
    }

    @Test
    void aCancelledOrStartedAiringRemindsNobody() {
        Station station = station("en");
        Program show = fixtures.program(network);
        stores.subscriptions().subscribe(station.id(), show.id(), Fixtures.uniquePhoneNumber(), START.minus(Duration.ofDays(1)));
        Airing cancelled = airing(station, show);
        stores.airings().cancel(cancelled.id());
        Airing later = stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), show.id(), START.plus(Duration.ofHours(2)),
                START.plus(Duration.ofHours(3))));

        assertThat(notifier.remindNow(cancelled.id(), START.minus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(notifier.remindNow(later.id(), START.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void aKindOfAlertReachesTheStationsManagersWithAPhoneOncePerCooldown() {
        Station station = station("en");
        User manager = manager(station, Role.stationManager(station.id()), Fixtures.uniquePhoneNumber());
        User admin = manager(station, Role.networkAdmin(), Fixtures.uniquePhoneNumber());
        manager(station, Role.stationManager(station.id()), null);
        Alert unreachable = Alert.transmitterUnreachable(station.id(), "USER_BUSY", START);

        List<SmsMessage> first = notifier.alertNow(unreachable, START);

        assertThat(first).extracting(SmsMessage::toAddress)
                .containsExactlyInAnyOrder(manager.phoneNumber().value(), admin.phoneNumber().value());
        assertThat(first).extracting(SmsMessage::body).containsOnly("Baraza alert: " + station.name()
                + " cannot reach its transmitter phone through any of its numbers (USER_BUSY). Baraza keeps trying.");
        assertThat(notifier.alertNow(unreachable, START.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(notifier.alertNow(Alert.silence(station.id(), START, "USER_BUSY", START.plus(Duration.ofMinutes(5))),
                START.plus(Duration.ofMinutes(5))))
                .extracting(SmsMessage::body).containsOnly("Baraza alert: nothing has been on air on " + station.name()
                        + " since 07:00 (USER_BUSY).");
        assertThat(notifier.alertNow(unreachable, START.plus(COOLDOWN))).hasSize(2);
    }

    @Test
    void aFailedAiringAlertNamesTheShowAndItsTime() {
        Station station = station("en");
        User manager = manager(station, Role.stationManager(station.id()), Fixtures.uniquePhoneNumber());
        Program show = fixtures.program(network);
        Airing airing = airing(station, show);

        List<SmsMessage> sent = notifier.alertNow(Alert.airingFailed(station.id(), airing.id(), "NO_ANSWER", START), START);

        assertThat(sent).extracting(SmsMessage::toAddress, SmsMessage::body).containsExactly(tuple(
                manager.phoneNumber().value(),
                "Baraza alert: " + show.name() + " on " + station.name() + " at 07:00 did not go on air: NO_ANSWER."));
    }

    @Test
    void aStationWithoutAnSmsNumberTextsNobodyAndKeepsItsTurn() {
        Station station = fixtures.station(network, NAIROBI);
        manager(station, Role.stationManager(station.id()), Fixtures.uniquePhoneNumber());
        Alert unreachable = Alert.transmitterUnreachable(station.id(), "USER_BUSY", START);

        assertThat(notifier.alertNow(unreachable, START)).isEmpty();
        stores.stations().addNumber(station.id(), Fixtures.uniquePhoneNumber(), true, true, null);
        assertThat(notifier.alertNow(unreachable, START.plusSeconds(1))).hasSize(1);
    }

    private Station station(String... languages) {
        String slug = Fixtures.unique("fm");
        Station station = stores.stations().create(network.id(), StationSettings.of(slug, "Radio " + slug, NAIROBI, languages));
        stores.stations().addNumber(station.id(), Fixtures.uniquePhoneNumber(), true, false, "voice only");
        stores.stations().addNumber(station.id(), Fixtures.uniquePhoneNumber(), true, true, null);
        return station;
    }

    private String smsNumberOf(Station station) {
        return stores.stations().numbers(station.id()).stream().filter(n -> n.sms()).findFirst().orElseThrow().number().value();
    }

    /** 07:00 to 08:00 in Nairobi. */
    private Airing airing(Station station, Program show) {
        return stores.airings().plan(AiringPlan.oneOff(network.id(), station.id(), show.id(), START, START.plus(Duration.ofHours(1))));
    }

    private User manager(Station station, Role role, PhoneNumber phone) {
        User user = stores.users().create(network.id(), new UserDetails(Fixtures.unique("m") + "@example.org", "Manager", phone),
                new Password("correct horse battery"));
        stores.users().grant(user.id(), role);
        return user;
    }
}
