package org.baraza.sms.keyword;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.airing.AiringPlan;
import org.baraza.core.airing.AiringStatus;
import org.baraza.core.call.Leg;
import org.baraza.core.call.LegRole;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.program.Program;
import org.baraza.core.station.Station;
import org.baraza.sms.keyword.Routed.Outcome;

/**
 * A host's commands by SMS, from the phone number the network has for them, to a station they present on:
 * LISTENERS (the station's listeners on the line now), SKIP (call off their next show on the station) and
 * POSTPONE minutes (move it later). Each is confirmed by reply. Stateless; any thread.
 */
final class HostCommands {

    /** How far ahead "the next show" is looked for. */
    static final Duration HORIZON = Duration.ofDays(14);
    static final int MOST_MINUTES = 24 * 60;
    private static final Set<LegRole> LISTENING = EnumSet.of(LegRole.LISTENER, LegRole.CALLER);
    private static final Set<AiringStatus> TAKING_THE_SLOT = EnumSet.of(AiringStatus.SCHEDULED, AiringStatus.PREPARING,
            AiringStatus.ON_AIR);

    private final Stores stores;

    HostCommands(Stores stores) {
        this.stores = stores;
    }

    /** The active host with this number who presents on the station, if the sender is one. */
    Optional<Host> presenter(Station station, PhoneNumber from) {
        return stores.hosts().findByPhone(station.networkId(), from)
                .filter(Host::active)
                .filter(host -> stores.hosts().stationsOf(host.id()).contains(station.id()));
    }

    Routed run(Parsed text, Host host, Station station, Instant now) {
        return switch (text.keyword()) {
            case LISTENERS -> Routed.of(Outcome.HOST_COMMAND, Reply.LISTENERS.in(text.language(), listeners(station)));
            case CANCEL -> next(host, station, now)
                    .map(airing -> skip(airing, text, station))
                    .orElseGet(() -> noNextShow(text, station));
            case POSTPONE -> postpone(text, host, station, now);
            default -> throw new IllegalArgumentException(text.keyword() + " is not a host's command");
        };
    }

    /** The station's listener and caller legs still up in the call log. */
    private long listeners(Station station) {
        return stores.calls().openLegs(station.id()).stream().map(Leg::role).filter(LISTENING::contains).count();
    }

    private Routed skip(Airing airing, Parsed text, Station station) {
        stores.airings().cancel(airing.id());
        return Routed.of(Outcome.HOST_COMMAND, Reply.CANCELLED.in(text.language(), name(airing), when(airing.plannedStart(), station)));
    }

    private Routed postpone(Parsed text, Host host, Station station, Instant now) {
        Optional<Integer> minutes = text.words().size() == 1 && text.first().matches("[0-9]{1,4}")
                ? Optional.of(Integer.parseInt(text.first())).filter(m -> m >= 1 && m <= MOST_MINUTES) : Optional.empty();
        if (minutes.isEmpty()) {
            return Routed.of(Outcome.HOST_COMMAND, Reply.POSTPONE_HOW.in(text.language(),
                    Vocabulary.first(text.language()).get(Keyword.POSTPONE)));
        }
        Optional<Airing> next = next(host, station, now).filter(airing -> airing.status() == AiringStatus.SCHEDULED);
        if (next.isEmpty()) {
            return noNextShow(text, station);
        }
        Airing airing = next.get();
        Duration by = Duration.ofMinutes(minutes.get());
        Instant start = airing.plannedStart().plus(by);
        Instant end = airing.plannedEnd().plus(by);
        Optional<Airing> clash = stores.airings().list(station.id(), start, end).stream()
                .filter(other -> !other.id().equals(airing.id()) && TAKING_THE_SLOT.contains(other.status()))
                .findFirst();
        if (clash.isPresent()) {
            return Routed.of(Outcome.HOST_COMMAND, Reply.POSTPONE_CLASHES.in(text.language(), name(airing), when(start, station),
                    name(clash.get())));
        }
        // Cancelled first, so that the later slot does not overlap the old one; checked free just above.
        stores.airings().cancel(airing.id());
        stores.airings().plan(AiringPlan.oneOff(airing.networkId(), station.id(), airing.programId(), start, end));
        return Routed.of(Outcome.HOST_COMMAND, Reply.POSTPONED.in(text.language(), name(airing), when(start, station)));
    }

    /** The host's next airing on the station that has not gone on air, within {@link #HORIZON}. */
    private Optional<Airing> next(Host host, Station station, Instant now) {
        Set<ProgramId> theirs = stores.programs().listForHost(host.id()).stream().map(Program::id).collect(Collectors.toSet());
        return stores.airings().list(station.id(), now, now.plus(HORIZON)).stream()
                .filter(airing -> theirs.contains(airing.programId()))
                .filter(airing -> airing.status() == AiringStatus.SCHEDULED || airing.status() == AiringStatus.PREPARING)
                .filter(airing -> airing.plannedStart().isAfter(now))
                .min(Comparator.comparing(Airing::plannedStart));
    }

    private Routed noNextShow(Parsed text, Station station) {
        return Routed.of(Outcome.HOST_COMMAND, Reply.NO_NEXT_SHOW.in(text.language(), station.name()));
    }

    private String name(Airing airing) {
        return stores.programs().find(airing.programId()).map(Program::name).orElseThrow(
                () -> new DomainException.NotFound(airing.programId() + " does not exist"));
    }

    private static String when(Instant at, Station station) {
        return DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(station.timeZone()).format(at);
    }
}
