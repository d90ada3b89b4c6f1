package org.baraza.programs.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.baraza.core.PhoneNumber;
import org.baraza.programs.Command;
import org.baraza.programs.Command.CallOut;
import org.baraza.programs.Command.HangupLeg;
import org.baraza.programs.Command.LogNote;
import org.baraza.programs.Command.Party;
import org.baraza.programs.Command.Place;
import org.baraza.programs.Command.Prompt;
import org.baraza.programs.Command.PromptName;
import org.baraza.programs.Command.Seat;
import org.baraza.programs.LegId;

/**
 * The show's people other than the host: listeners waiting to speak (in the order they asked), the one
 * caller on air, the guests the host called, and who is kept off air for now: {@code muted} by the host
 * (keys 3 and 4) or {@code held} through a music break. Immutable; each change returns the new stage and
 * appends the commands it takes to {@code out}.
 *
 * @param guestCalls guests called so far, which numbers the next guest leg
 */
public record Stage(List<Caller> waiting, Optional<Caller> onAir, List<Guest> guests, List<LegId> muted,
                    List<LegId> held, int guestCalls) {

    /** A listener who asked to speak: their leg and the number they called from. */
    public record Caller(LegId leg, PhoneNumber number) {
    }

    /** A guest the host called: ringing until {@code answered}, then on air. */
    public record Guest(LegId leg, PhoneNumber number, boolean answered) {
    }

    static final Stage EMPTY = new Stage(List.of(), Optional.empty(), List.of(), List.of(), List.of(), 0);

    public Stage {
        waiting = List.copyOf(waiting);
        Objects.requireNonNull(onAir, "onAir");
        guests = List.copyOf(guests);
        muted = List.copyOf(muted);
        held = List.copyOf(held);
    }

    boolean has(LegId leg) {
        return waiting.stream().anyMatch(caller -> caller.leg().equals(leg))
                || onAir.filter(caller -> caller.leg().equals(leg)).isPresent()
                || guests.stream().anyMatch(guest -> guest.leg().equals(leg));
    }

    /** A listener joins the end of the queue and hears their place in it. */
    Stage queue(LegId leg, PhoneNumber number, List<Command> out) {
        if (has(leg)) {
            return this;
        }
        List<Caller> longer = new ArrayList<>(waiting);
        longer.add(new Caller(leg, number));
        out.add(new Prompt(leg, PromptName.QUEUE_POSITION, longer.size()));
        return new Stage(longer, onAir, guests, muted, held, guestCalls);
    }

    /** Tells the host how many listeners wait to speak. */
    void count(LegId host, List<Command> out) {
        out.add(waiting.isEmpty()
                ? new Prompt(host, PromptName.NO_CALLERS_WAITING, 0)
                : new Prompt(host, PromptName.CALLERS_WAITING, waiting.size()));
    }

    /** The first waiting caller goes on air; the caller on air is dropped first. With no one waiting, the host hears so. */
    Stage nextCaller(LegId host, List<Command> out) {
        if (waiting.isEmpty()) {
            count(host, out);
            return this;
        }
        Stage stage = dropCaller("dropped by the host", out);
        Caller next = waiting.getFirst();
        out.add(new LogNote("caller on air: " + next.number()));
        out.add(new Place(next.leg(), Seat.ON_AIR));
        out.add(new Prompt(next.leg(), PromptName.YOU_ARE_ON_AIR, 0));
        List<Caller> rest = waiting.subList(1, waiting.size());
        announce(rest, 0, out);
        return new Stage(rest, Optional.of(next), guests, stage.muted, stage.held, guestCalls);
    }

    /** Key 2: drops the caller on air, or with none, the newest guest (on air or still ringing). */
    Stage dropNewest(List<Command> out) {
        if (onAir.isPresent()) {
            return dropCaller("dropped by the host", out);
        }
        if (guests.isEmpty()) {
            return this;
        }
        Guest newest = guests.getLast();
        out.add(new HangupLeg(newest.leg()));
        return guestGone(newest, newest.answered()
                ? "guest off air: " + newest.number() + " (dropped by the host)"
                : "guest call to " + newest.number() + " cancelled by the host", out);
    }

    /** Key 3: everyone speaking (the caller on air, guests) goes back to waiting, muted. */
    Stage mute(List<Command> out) {
        List<LegId> speaking = speaking();
        if (speaking.isEmpty()) {
            return this;
        }
        out.add(new LogNote("callers muted"));
        seat(speaking, Seat.WAITING, out);
        return new Stage(waiting, onAir, guests, concat(muted, speaking), held, guestCalls);
    }

    /** Key 4: those the host muted speak again. */
    Stage unmute(List<Command> out) {
        if (muted.isEmpty()) {
            return this;
        }
        out.add(new LogNote("callers back on air"));
        seat(muted, Seat.ON_AIR, out);
        return new Stage(waiting, onAir, guests, List.of(), held, guestCalls);
    }

    /** A music break starts: everyone speaking waits it out. */
    Stage hold(List<Command> out) {
        List<LegId> speaking = speaking();
        seat(speaking, Seat.WAITING, out);
        return new Stage(waiting, onAir, guests, muted, concat(held, speaking), guestCalls);
    }

    /** The host is back on air: those held through the break speak again. */
    Stage release(List<Command> out) {
        seat(held, Seat.ON_AIR, out);
        return new Stage(waiting, onAir, guests, muted, List.of(), guestCalls);
    }

    /** Calls a guest on the next guest leg. */
    Stage callGuest(PhoneNumber number, List<Command> out) {
        LegId leg = new LegId("guest-" + (guestCalls + 1));
        out.add(new LogNote("calling guest " + number));
        out.add(new CallOut(leg, Party.GUEST, number));
        return new Stage(waiting, onAir, concat(guests, new Guest(leg, number, false)), muted, held, guestCalls + 1);
    }

    /** A guest answered: on air, or held when the show is on a music break. */
    Stage answered(LegId leg, boolean onBreak, List<Command> out) {
        Optional<Guest> ringing = guests.stream().filter(guest -> guest.leg().equals(leg) && !guest.answered()).findFirst();
        if (ringing.isEmpty()) {
            return this;
        }
        PhoneNumber number = ringing.get().number();
        List<Guest> answered = guests.stream()
                .map(guest -> guest.leg().equals(leg) ? new Guest(leg, number, true) : guest).toList();
        if (onBreak) {
            out.add(new LogNote("guest answered during the music break: " + number));
            out.add(new Place(leg, Seat.WAITING));
            return new Stage(waiting, onAir, answered, muted, concat(held, leg), guestCalls);
        }
        out.add(new LogNote("guest on air: " + number));
        out.add(new Place(leg, Seat.ON_AIR));
        out.add(new Prompt(leg, PromptName.YOU_ARE_ON_AIR, 0));
        return new Stage(waiting, onAir, answered, muted, held, guestCalls);
    }

    /** One of the stage's legs failed or hung up: it leaves the queue, the air or the guest list. */
    Stage gone(LegId leg, String cause, List<Command> out) {
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).leg().equals(leg)) {
                List<Caller> shorter = new ArrayList<>(waiting);
                shorter.remove(i);
                announce(shorter, i, out);
                return new Stage(shorter, onAir, guests, muted, held, guestCalls);
            }
        }
        if (onAir.filter(caller -> caller.leg().equals(leg)).isPresent()) {
            return callerOff("hung up: " + cause, out);
        }
        return guests.stream().filter(guest -> guest.leg().equals(leg)).findFirst()
                .map(guest -> guestGone(guest, (guest.answered() ? "guest off air: " : "guest not reached: ")
                        + guest.number() + " (" + cause + ")", out))
                .orElse(this);
    }

    /** The show is over: every leg of the stage is hung up. */
    void hangUpAll(List<Command> out) {
        Stream.of(onAir.stream().map(Caller::leg), guests.stream().map(Guest::leg), waiting.stream().map(Caller::leg))
                .flatMap(legs -> legs)
                .forEach(leg -> out.add(new HangupLeg(leg)));
    }

    private Stage dropCaller(String why, List<Command> out) {
        if (onAir.isEmpty()) {
            return this;
        }
        out.add(new HangupLeg(onAir.get().leg()));
        return callerOff(why, out);
    }

    private Stage callerOff(String why, List<Command> out) {
        Caller caller = onAir.orElseThrow();
        out.add(new LogNote("caller off air: " + caller.number() + " (" + why + ")"));
        return new Stage(waiting, Optional.empty(), guests, without(muted, caller.leg()), without(held, caller.leg()),
                guestCalls);
    }

    private Stage guestGone(Guest gone, String note, List<Command> out) {
        out.add(new LogNote(note));
        List<Guest> rest = guests.stream().filter(Predicate.not(gone::equals)).toList();
        return new Stage(waiting, onAir, rest, without(muted, gone.leg()), without(held, gone.leg()), guestCalls);
    }

    /** The caller on air and the answered guests, unless muted or held. */
    private List<LegId> speaking() {
        return Stream.concat(onAir.stream().map(Caller::leg),
                        guests.stream().filter(Guest::answered).map(Guest::leg))
                .filter(leg -> !muted.contains(leg) && !held.contains(leg))
                .toList();
    }

    /** Every waiting caller from index {@code from} on hears their (new) place in the queue. */
    private static void announce(List<Caller> queue, int from, List<Command> out) {
        for (int i = from; i < queue.size(); i++) {
            out.add(new Prompt(queue.get(i).leg(), PromptName.QUEUE_POSITION, i + 1));
        }
    }

    private static void seat(List<LegId> legs, Seat seat, List<Command> out) {
        legs.forEach(leg -> out.add(new Place(leg, seat)));
    }

    private static <T> List<T> concat(List<T> list, List<T> more) {
        return Stream.concat(list.stream(), more.stream()).toList();
    }

    private static <T> List<T> concat(List<T> list, T one) {
        return concat(list, List.of(one));
    }

    private static List<LegId> without(List<LegId> legs, LegId leg) {
        return legs.stream().filter(Predicate.not(leg::equals)).toList();
    }
}
