package org.baraza.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import org.baraza.core.Ids.StationId;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.people.Host;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.daemon.StationDaemon;
import org.baraza.daemon.station.StationEffect;
import org.baraza.daemon.station.StationEvent;
import org.baraza.programs.Command.PromptName;
import org.baraza.sim.PhoneScript;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Key presses reach the one station whose leg they are on: FreeSWITCH's DTMF events carry no channel variables,
 * so the daemon finds the station by the leg. Two stations on one daemon, each with a live show whose host it
 * calls; the simulator over TCP, real PostgreSQL.
 */
class KeyRoutingTest extends OnAirTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STRANGER = "0772100999";

    /** One step of one station. */
    private record Step(StationId station, StationEvent event, List<StationEffect> effects) {
    }

    private final Queue<Step> steps = new ConcurrentLinkedQueue<>();

    KeyRoutingTest(Jdbi jdbi, DataSource dataSource) {
        super(jdbi, dataSource);
    }

    @Test
    void aHostsKeyReachesOnlyTheirStationAndAKeyOnALegNoStationFollowsIsDropped() {
        Station first = onAir.station;
        Station second = onAir.anotherStation();
        Host firstHost = onAir.host(first);
        Host secondHost = onAir.host(second);
        onAir.dialStrings(first, "sofia/gateway/gsm1/0772100201");
        onAir.dialStrings(second, "sofia/gateway/gsm1/0772100202");
        for (String phone : List.of("0772100201", "0772100202", STRANGER, firstHost.phoneNumber().value(),
                secondHost.phoneNumber().value())) {
            onAir.sim.phone(phone, PhoneScript.answersAfter(Duration.ofMillis(200)));
        }

        try (StationDaemon daemon = onAir.daemonWatched(Fixtures.unique("daemon"),
                (station, event, state, effects) -> steps.add(new Step(station, event, effects)))) {
            Instant start = Instant.now().plusSeconds(3);
            onAir.airing(first, onAir.liveShow(firstHost), start, Duration.ofSeconds(30));
            onAir.airing(second, onAir.liveShow(secondHost), start, Duration.ofSeconds(30));
            UUID firstHostLeg = hostAskedToPressOne(first);
            UUID secondHostLeg = hostAskedToPressOne(second);

            // The first station's host presses 1: their show seats them; the other station hears nothing of it.
            onAir.sim.pressKeys(firstHostLeg.toString(), "1");
            Step pressed = await().atMost(PATIENCE).until(() -> keyPressed(first), step -> step != null);
            assertThat(pressed.effects()).anyMatch(effect -> effect instanceof StationEffect.SeatLeg);
            assertThat(keyPressed(second)).isNull();

            // A key on a call that is no station's goes nowhere, and the daemon carries on: the second host's
            // key, pressed after it, reaches the second station alone.
            String stranger = onAir.sim.api("originate sofia/gateway/gsm1/" + STRANGER + " &park()").substring(4).trim();
            onAir.sim.pressKeys(stranger, "5");
            onAir.sim.pressKeys(secondHostLeg.toString(), "1");
            await().atMost(PATIENCE).until(() -> keyPressed(second) != null);

            assertThat(steps).filteredOn(step -> step.event() instanceof StationEvent.KeyPressed)
                    .extracting(Step::station, step -> ((StationEvent.KeyPressed) step.event()).digits())
                    .containsExactlyInAnyOrder(tuple(first.id(), "1"), tuple(second.id(), "1"));
        }
    }

    /** Waits until the station's show asked its host to press 1 when ready; the host leg's uuid. */
    private UUID hostAskedToPressOne(Station station) {
        await().atMost(PATIENCE).until(() -> steps.stream()
                .filter(step -> step.station().equals(station.id()))
                .flatMap(step -> step.effects().stream())
                .anyMatch(effect -> effect instanceof StationEffect.PromptLeg prompt
                        && prompt.prompt() == PromptName.PRESS_ONE_WHEN_READY));
        return stores.calls().openLegs(station.id()).stream().filter(leg -> leg.role() == LegRole.HOST)
                .map(Leg::uuid).findFirst().orElseThrow();
    }

    /** The station's first step on a key press; null before there is one. */
    private Step keyPressed(Station station) {
        return steps.stream().filter(step -> step.station().equals(station.id())
                && step.event() instanceof StationEvent.KeyPressed).findFirst().orElse(null);
    }
}
