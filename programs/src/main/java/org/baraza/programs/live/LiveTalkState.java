package org.baraza.programs.live;

/**
 * Where a live talk show is. Every state but {@link Done} carries the {@link Show}; the state says what the
 * host is doing, the show says everything else.
 */
public sealed interface LiveTalkState {

    /** A state of a show still running. */
    sealed interface Live extends LiveTalkState permits Ready, CallingHost, HostReady, OnAir, MusicBreak, HostLost {

        Show show();

        /** The same state with {@code show}. */
        default Live with(Show show) {
            return switch (this) {
                case Ready r -> new Ready(show);
                case CallingHost c -> new CallingHost(show);
                case HostReady h -> new HostReady(show);
                case OnAir o -> new OnAir(show);
                case MusicBreak m -> new MusicBreak(show);
                case HostLost h -> new HostLost(show);
            };
        }
    }

    /** Before the airing is prepared. */
    record Ready(Show show) implements Live {
    }

    /** Reaching the host: calling, waiting to call again, or waiting for them to press 1; the filler plays once the slot started. */
    record CallingHost(Show show) implements Live {
    }

    /** The host waits in the conference for the slot to start. */
    record HostReady(Show show) implements Live {
    }

    /** The host is on air, with the callers and guests they put there. */
    record OnAir(Show show) implements Live {
    }

    /** The filler plays; the host waits in the conference, off air, with whoever was speaking. */
    record MusicBreak(Show show) implements Live {
    }

    /** The host's leg dropped during the show: the filler plays while the host is called back or calls in. */
    record HostLost(Show show) implements Live {
    }

    record Done() implements LiveTalkState {
    }
}
