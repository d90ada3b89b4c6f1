package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.baraza.core.DomainException;
import org.baraza.core.Ids.HostId;
import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.ProgramId;
import org.baraza.core.people.Host;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.program.ProgramDetails;
import org.baraza.core.program.ProgramStore;
import org.baraza.core.program.ProgramType;
import org.baraza.core.station.Network;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ProgramStoreTest {

    private final Jdbi jdbi;
    private final Stores stores;
    private final ProgramStore programs;
    private final Fixtures fixtures;

    ProgramStoreTest(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.stores = Stores.on(jdbi);
        this.programs = stores.programs();
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void aProgramIsStoredWithItsConfigAndFoundAgain() {
        Network network = fixtures.network();
        ProgramDetails details = new ProgramDetails(" Jioni na Amina ", ProgramType.LIVE_TALK,
                new ProgramConfig("{\"hostKeys\": {\"next\": \"#\"}, \"callers\": {\"max\": 3, \"screen\": true}, \"gain\": 0.5}"),
                "sw", "Evening talk <b>with</b> listeners' calls");

        Program created = programs.create(network.id(), details);

        assertThat(created.details()).isEqualTo(details);
        assertThat(created.name()).isEqualTo("Jioni na Amina");
        assertThat(created.config().tree().at("/callers/max").asInt()).isEqualTo(3);
        assertThat(created.networkId()).isEqualTo(network.id());
        assertThat(programs.get(created.id())).isEqualTo(created);
        assertThat(programs.find(created.id())).contains(created);
    }

    @Test
    void aConfigReadBackFromJsonbEqualsTheOneStored() {
        Network network = fixtures.network();
        ProgramConfig config = new ProgramConfig("""
                {"z": [1e3, 2.50, -0.0, 12345678901234567890123, 1e-7], "text": "Habari \\"za\\" asubuhi 😀 <b>",
                 "nested": {"b": null, "a": [true, false, {}], "": ""}}
                """);

        Program created = programs.create(network.id(), new ProgramDetails("Exotic", ProgramType.FILLER, config, null, null));

        assertThat(programs.get(created.id()).config()).isEqualTo(config);
        boolean sameInTheDatabase = jdbi.withHandle(h -> h.createQuery("select config = cast(:json as jsonb) from programs where id = :id")
                .bind("json", config.json()).bind("id", created.id().value()).mapTo(Boolean.class).one());
        assertThat(sameInTheDatabase).isTrue();
    }

    @Test
    void everyTypeIsStoredAndProgramsAreListedByName() {
        Network network = fixtures.network();
        List<Program> created = Arrays.stream(ProgramType.values())
                .map(type -> programs.create(network.id(), ProgramDetails.of("Show " + type.ordinal(), type)))
                .toList();
        fixtures.program(fixtures.network());

        assertThat(programs.list(network.id())).containsExactlyElementsOf(created);
        assertThat(programs.list(network.id())).extracting(Program::type).containsExactly(ProgramType.values());
    }

    @Test
    void aSecondProgramWithTheNameInTheNetworkIsRefused() {
        Network network = fixtures.network();
        programs.create(network.id(), ProgramDetails.of("Habari", ProgramType.NEWS));

        assertThatThrownBy(() -> programs.create(network.id(), ProgramDetails.of("Habari", ProgramType.PRERECORDED)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(network.id() + " already has a program named \"Habari\"");
        assertThat(programs.create(fixtures.network().id(), ProgramDetails.of("Habari", ProgramType.NEWS)).name()).isEqualTo("Habari");
    }

    @Test
    void aProgramInAMissingNetworkIsRefused() {
        assertThatThrownBy(() -> programs.create(new NetworkId(987_654), ProgramDetails.of("Ghost", ProgramType.NEWS)))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("network 987654 does not exist");
    }

    @Test
    void detailsAreCheckedBeforeTheDatabaseIsAsked() {
        assertThatThrownBy(() -> ProgramDetails.of(" ", ProgramType.NEWS))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("program name must not be empty");
        assertThatThrownBy(() -> ProgramDetails.of("News", null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("program type is required");
        assertThatThrownBy(() -> new ProgramDetails("News", ProgramType.NEWS, null, null, null))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("program config is required");
        assertThatThrownBy(() -> new ProgramDetails("News", ProgramType.NEWS, ProgramConfig.empty(), "Kiswahili", null))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("program language must be a language tag such as en, sw or pt-BR, got \"Kiswahili\"");
        assertThatThrownBy(() -> new ProgramDetails("News", ProgramType.NEWS, ProgramConfig.empty(), null, "x".repeat(2001)))
                .isInstanceOf(DomainException.Invalid.class).hasMessage("program description must be at most 2000 characters");
    }

    @Test
    void updatingChangesEverythingButNotToATakenName() {
        Network network = fixtures.network();
        Program program = fixtures.program(network);
        Program other = fixtures.program(network);
        ProgramDetails changed = new ProgramDetails("Morning poll", ProgramType.POLL, new ProgramConfig("{\"question\": \"Rain?\"}"),
                "lg", "Vote by keypad");

        Program updated = programs.update(program.id(), changed);

        assertThat(updated.details()).isEqualTo(changed);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(program.updatedAt());
        assertThat(programs.get(program.id())).isEqualTo(updated);
        assertThatThrownBy(() -> programs.update(program.id(), ProgramDetails.of(other.name(), ProgramType.POLL)))
                .isInstanceOf(DomainException.AlreadyExists.class)
                .hasMessage(network.id() + " already has a program named \"" + other.name() + "\"");
        assertThatThrownBy(() -> programs.update(new ProgramId(999_999), changed))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("program 999999 does not exist");
    }

    @Test
    void hostsAreBilledInTheOrderGivenAndReplacedWhole() {
        Network network = fixtures.network();
        Program program = programs.create(network.id(), ProgramDetails.of("Breakfast show", ProgramType.LIVE_TALK));
        Program other = programs.create(network.id(), ProgramDetails.of("Afternoon show", ProgramType.LIVE_TALK));
        Host amina = fixtures.host(network);
        Host baraka = fixtures.host(network);
        Host chausiku = fixtures.host(network);

        programs.setHosts(program.id(), List.of(chausiku.id(), amina.id()));
        programs.setHosts(other.id(), List.of(amina.id()));

        assertThat(programs.hosts(program.id())).containsExactly(chausiku, amina);
        // Setting hosts changes the program: compare ids, not the updated_at that moved.
        assertThat(programs.listForHost(amina.id())).extracting(Program::id).containsExactly(other.id(), program.id());

        programs.setHosts(program.id(), List.of(baraka.id(), chausiku.id()));

        assertThat(programs.hosts(program.id())).containsExactly(baraka, chausiku);
        assertThat(programs.listForHost(amina.id())).extracting(Program::id).containsExactly(other.id());

        programs.setHosts(program.id(), List.of());

        assertThat(programs.hosts(program.id())).isEmpty();
    }

    @Test
    void aHostOfAnotherNetworkTwiceOrMissingIsRefusedAndNothingChanges() {
        Network network = fixtures.network();
        Program program = fixtures.program(network);
        Host amina = fixtures.host(network);
        Host outsider = fixtures.host(fixtures.network());
        programs.setHosts(program.id(), List.of(amina.id()));

        assertThatThrownBy(() -> programs.setHosts(program.id(), List.of(amina.id(), outsider.id())))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage(outsider.id() + " does not exist in " + network.id());
        assertThatThrownBy(() -> programs.setHosts(program.id(), List.of(new HostId(999_999))))
                .isInstanceOf(DomainException.NotFound.class)
                .hasMessage("host 999999 does not exist in " + network.id());
        assertThatThrownBy(() -> programs.setHosts(program.id(), List.of(amina.id(), amina.id())))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage(amina.id() + " is billed twice on " + program.id());
        assertThatThrownBy(() -> programs.setHosts(new ProgramId(999_999), List.of(amina.id())))
                .isInstanceOf(DomainException.NotFound.class).hasMessage("program 999999 does not exist");
        assertThat(programs.hosts(program.id())).containsExactly(amina);
    }

    @Test
    void deletingAHostTakesThemOffTheBill() {
        Network network = fixtures.network();
        Program program = fixtures.program(network);
        Host amina = fixtures.host(network);
        Host baraka = fixtures.host(network);
        programs.setHosts(program.id(), List.of(amina.id(), baraka.id()));

        stores.hosts().delete(amina.id());

        assertThat(programs.hosts(program.id())).containsExactly(baraka);
    }

    @Test
    void aProgramNeverScheduledIsDeletedWithItsBilling() {
        Network network = fixtures.network();
        Program program = fixtures.program(network);
        Host host = fixtures.host(network);
        programs.setHosts(program.id(), List.of(host.id()));

        programs.delete(program.id());

        assertThat(programs.find(program.id())).isEmpty();
        assertThat(programs.listForHost(host.id())).isEmpty();
        assertThatThrownBy(() -> programs.delete(program.id()))
                .isInstanceOf(DomainException.NotFound.class).hasMessage(program.id() + " does not exist");
    }

    @Test
    void aScheduledProgramIsNotDeleted() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Program program = fixtures.program(network);
        jdbi.useHandle(h -> h.execute("""
                insert into schedules (network_id, station_id, program_id, starts_local, time_zone, duration_seconds, rrule)
                values (?, ?, ?, '2026-03-02 07:00', 'Africa/Kampala', 3600, 'FREQ=DAILY')
                """, network.id().value(), station.id().value(), program.id().value()));

        assertThatThrownBy(() -> programs.delete(program.id()))
                .isInstanceOf(DomainException.InUse.class)
                .hasMessage(program.id() + " is still scheduled on a station; remove its schedules first");
        assertThat(programs.find(program.id())).isPresent();
    }

    @Test
    void aProgramThatAiredIsNotDeleted() {
        Network network = fixtures.network();
        Station station = fixtures.station(network);
        Program program = fixtures.program(network);
        jdbi.useHandle(h -> h.execute("""
                insert into airings (network_id, station_id, program_id, planned_start, planned_end, actual_start, actual_end, status)
                values (?, ?, ?, '2026-03-02 04:00Z', '2026-03-02 05:00Z', '2026-03-02 04:00Z', '2026-03-02 05:00Z', 'aired')
                """, network.id().value(), station.id().value(), program.id().value()));

        assertThatThrownBy(() -> programs.delete(program.id()))
                .isInstanceOf(DomainException.InUse.class)
                .hasMessage(program.id() + " has aired and stays in the as-aired log; it cannot be deleted");
        assertThat(programs.find(program.id())).isPresent();
    }
}
