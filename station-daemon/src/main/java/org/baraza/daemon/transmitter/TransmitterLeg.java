package org.baraza.daemon.transmitter;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.baraza.daemon.transmitter.TransmitterCommand.CameUp;
import org.baraza.daemon.transmitter.TransmitterCommand.CancelRetry;
import org.baraza.daemon.transmitter.TransmitterCommand.Dial;
import org.baraza.daemon.transmitter.TransmitterCommand.Hangup;
import org.baraza.daemon.transmitter.TransmitterCommand.RoundFailed;
import org.baraza.daemon.transmitter.TransmitterCommand.ScheduleRetry;
import org.baraza.daemon.transmitter.TransmitterCommand.WentDown;
import org.baraza.daemon.transmitter.TransmitterEvent.Adopted;
import org.baraza.daemon.transmitter.TransmitterEvent.Answered;
import org.baraza.daemon.transmitter.TransmitterEvent.DialFailed;
import org.baraza.daemon.transmitter.TransmitterEvent.HungUp;
import org.baraza.daemon.transmitter.TransmitterEvent.Needed;
import org.baraza.daemon.transmitter.TransmitterEvent.Released;
import org.baraza.daemon.transmitter.TransmitterEvent.RetryDue;
import org.baraza.daemon.transmitter.TransmitterState.Dialing;
import org.baraza.daemon.transmitter.TransmitterState.HangingUp;
import org.baraza.daemon.transmitter.TransmitterState.Idle;
import org.baraza.daemon.transmitter.TransmitterState.Up;
import org.baraza.daemon.transmitter.TransmitterState.Waiting;
import org.baraza.programs.LegId;

/**
 * A station's transmitter call as a pure state machine: it dials the transmitter phone through the
 * station's dial strings in fallback order, redials at once when an established call drops, waits
 * between whole failed rounds, and hangs up when released. It never gives up while the station needs
 * the air; the station decides what a failed round means for the airing (RoundFailed).
 *
 * <p>IDLE -> DIALING -> UP, with WAITING between failed rounds and HANGING_UP when released. A leg the
 * machine no longer wants that answers anyway is hung up. Stateless and thread-safe; the state is the
 * immutable {@link TransmitterState}.
 */
public final class TransmitterLeg {

    /** The start of every transmitter leg's name. */
    public static final String PREFIX = "transmitter-";

    /** The machine's next state and the commands to carry out, in order. */
    public record Step(TransmitterState state, List<TransmitterCommand> commands) {
        public Step {
            commands = List.copyOf(commands);
        }

        static Step to(TransmitterState state, TransmitterCommand... commands) {
            return new Step(state, List.of(commands));
        }
    }

    static final String NO_DIAL_STRINGS = "the station has no transmitter dial strings";

    private final DialPolicy policy;

    public TransmitterLeg(DialPolicy policy) {
        this.policy = policy;
    }

    /** Whether the leg is a transmitter leg (they are named {@code transmitter-...}; a program's legs are not). */
    public static boolean owns(LegId leg) {
        return leg.value().startsWith(PREFIX);
    }

    public static TransmitterState idle() {
        return new Idle(0);
    }

    public static String stateName(TransmitterState state) {
        return switch (state) {
            case Idle i -> "IDLE";
            case Dialing d -> "DIALING";
            case Up u -> "UP";
            case Waiting w -> "WAITING";
            case HangingUp h -> "HANGING_UP";
        };
    }

    public Step next(TransmitterState state, TransmitterEvent event) {
        if (event instanceof Adopted adopted && !(state instanceof Idle)) {
            // Only a fresh station adopts; one that already has a transmitter leg hangs the other up.
            return Step.to(state, new Hangup(adopted.leg()));
        }
        if (event instanceof Answered answered && !answered.leg().equals(currentLeg(state))) {
            return Step.to(state, new Hangup(answered.leg()));
        }
        return switch (state) {
            case Idle idle -> switch (event) {
                case Needed needed -> dial(0, 1, null, idle.legsDialled(), needed.at());
                case Adopted adopted -> Step.to(new Up(adopted.leg(), 0, adopted.at(), idle.legsDialled()),
                        new CameUp(adopted.leg(), policy.dialStrings().isEmpty() ? "" : policy.dialStrings().getFirst(),
                                adopted.at(), null));
                default -> Step.to(state);
            };
            case Dialing dialing -> dialing(dialing, event);
            case Up up -> up(up, event);
            case Waiting waiting -> switch (event) {
                case RetryDue due -> dial(0, waiting.failedRounds() + 1, waiting.downSince(), waiting.legsDialled(), due.at());
                case Released released -> Step.to(new Idle(waiting.legsDialled()), new CancelRetry());
                default -> Step.to(state);
            };
            case HangingUp hangingUp -> hangingUp(hangingUp, event);
        };
    }

    private Step dialing(Dialing dialing, TransmitterEvent event) {
        return switch (event) {
            case Answered answered -> Step.to(new Up(dialing.leg(), dialing.index(), answered.at(), dialing.legsDialled()),
                    new CameUp(dialing.leg(), policy.dialStrings().get(dialing.index()), answered.at(), dialing.downSince()));
            case DialFailed failed when failed.leg().equals(dialing.leg()) -> failedAttempt(dialing, failed.cause(), failed.at());
            // A failed originate also ends its channel; whichever report comes first counts.
            case HungUp hungUp when hungUp.leg().equals(dialing.leg()) -> failedAttempt(dialing, hungUp.cause(), hungUp.at());
            case Released released -> Step.to(new HangingUp(dialing.leg(), false, dialing.legsDialled()),
                    new Hangup(dialing.leg()));
            default -> Step.to(dialing);
        };
    }

    private Step up(Up up, TransmitterEvent event) {
        return switch (event) {
            case HungUp hungUp when hungUp.leg().equals(up.leg()) -> {
                Step redial = dial(0, 1, hungUp.at(), up.legsDialled(), hungUp.at());
                yield new Step(redial.state(), prepend(new WentDown(hungUp.at(), hungUp.cause()), redial.commands()));
            }
            case Released released -> Step.to(new HangingUp(up.leg(), false, up.legsDialled()), new Hangup(up.leg()));
            default -> Step.to(up);
        };
    }

    private Step hangingUp(HangingUp hangingUp, TransmitterEvent event) {
        return switch (event) {
            case HungUp hungUp when hungUp.leg().equals(hangingUp.leg()) -> gone(hangingUp, hungUp.at());
            case DialFailed failed when failed.leg().equals(hangingUp.leg()) -> gone(hangingUp, failed.at());
            // Answered between our hang-up and the switch acting on it: ask again.
            case Answered answered -> Step.to(hangingUp, new Hangup(hangingUp.leg()));
            case Needed needed -> Step.to(new HangingUp(hangingUp.leg(), true, hangingUp.legsDialled()));
            case Released released -> Step.to(new HangingUp(hangingUp.leg(), false, hangingUp.legsDialled()));
            default -> Step.to(hangingUp);
        };
    }

    private Step gone(HangingUp hangingUp, Instant at) {
        return hangingUp.neededAgain()
                ? dial(0, 1, null, hangingUp.legsDialled(), at)
                : Step.to(new Idle(hangingUp.legsDialled()));
    }

    private Step failedAttempt(Dialing dialing, String cause, Instant at) {
        if (dialing.index() + 1 < policy.dialStrings().size()) {
            return dial(dialing.index() + 1, dialing.round(), dialing.downSince(), dialing.legsDialled(), at);
        }
        return roundFailed(dialing.round(), cause, at, dialing.downSince(), dialing.legsDialled());
    }

    private Step roundFailed(int round, String cause, Instant at, Instant downSince, int legsDialled) {
        return Step.to(new Waiting(round, cause, downSince, legsDialled),
                new RoundFailed(round, cause, at), new ScheduleRetry(policy.backoffAfter(round)));
    }

    private Step dial(int index, int round, Instant downSince, int legsDialled, Instant at) {
        if (policy.dialStrings().isEmpty()) {
            return roundFailed(round, NO_DIAL_STRINGS, at, downSince, legsDialled);
        }
        LegId leg = new LegId(PREFIX + (legsDialled + 1));
        return Step.to(new Dialing(leg, index, round, downSince, legsDialled + 1),
                new Dial(leg, policy.dialStrings().get(index)));
    }

    private static LegId currentLeg(TransmitterState state) {
        return switch (state) {
            case Dialing d -> d.leg();
            case Up u -> u.leg();
            case HangingUp h -> h.leg();
            case Idle i -> null;
            case Waiting w -> null;
        };
    }

    private static List<TransmitterCommand> prepend(TransmitterCommand first, List<TransmitterCommand> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
