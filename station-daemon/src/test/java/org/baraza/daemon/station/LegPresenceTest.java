package org.baraza.daemon.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.baraza.core.call.LegRole;
import org.junit.jupiter.api.Test;

/** The station's count of listeners follows its legs as they come, change role and go. */
class LegPresenceTest {

    private final LegPresence presence = new LegPresence();

    @Test
    void listenersAreTheLegsInTheListenerRoleNow() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID host = UUID.randomUUID();
        LegPresence.Place one = presence.track(first, LegRole.LISTENER, "en");
        presence.track(second, LegRole.LISTENER, "sw");
        presence.track(host, LegRole.HOST, "en");
        presence.track(first, LegRole.LISTENER, "en");
        assertThat(presence.listeners()).as("a leg tracked twice counts once").isEqualTo(2);

        presence.cast(one, LegRole.CALLER);
        assertThat(presence.listeners()).as("a listener who asked to speak").isEqualTo(1);
        presence.cast(one, LegRole.CALLER);
        assertThat(presence.listeners()).isEqualTo(1);
        presence.cast(one, LegRole.LISTENER);
        assertThat(presence.listeners()).as("no show took them").isEqualTo(2);

        presence.forget(first);
        assertThat(presence.listeners()).isEqualTo(1);
        presence.cast(one, LegRole.HOST);
        presence.cast(one, LegRole.LISTENER);
        assertThat(presence.listeners()).as("a leg gone no longer counts, whatever is done with it").isEqualTo(1);
        assertThat(one.role()).isEqualTo(LegRole.LISTENER);

        presence.forget(host);
        presence.forget(second);
        presence.forget(second);
        assertThat(presence.listeners()).isZero();
    }
}
