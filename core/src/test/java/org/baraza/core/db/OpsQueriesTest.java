package org.baraza.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.baraza.core.call.CallDirection;
import org.baraza.core.call.NewCall;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.PostgresExtension;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class OpsQueriesTest {

    private final Stores stores;
    private final Fixtures fixtures;

    OpsQueriesTest(Jdbi jdbi) {
        this.stores = Stores.on(jdbi);
        this.fixtures = new Fixtures(stores);
    }

    @Test
    void theDatabaseAnswersAndCountsWhatIsLoggedAndWaiting() {
        assertThat(stores.ops().ping()).isTrue();
        long logged = stores.ops().callsLogged();
        long open = stores.ops().callsOpen();
        long waiting = stores.ops().outboxDepth();
        Station station = fixtures.station(fixtures.network());

        stores.calls().start(new NewCall(UUID.randomUUID(), station.id(), null, CallDirection.INBOUND, "+256700000001", "100",
                Instant.now()));
        stores.outbox().enqueue(fixtures.outboundSms(station, Fixtures.uniquePhoneNumber(), "hello"), Instant.now());

        assertThat(stores.ops().callsLogged()).isEqualTo(logged + 1);
        assertThat(stores.ops().callsOpen()).isEqualTo(open + 1);
        assertThat(stores.ops().outboxDepth()).isEqualTo(waiting + 1);
        assertThat(stores.ops().airingsOnAir()).isNotNegative();
        assertThat(stores.ops().airingsAired()).isNotNegative();
    }
}
