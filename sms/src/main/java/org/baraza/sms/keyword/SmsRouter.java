package org.baraza.sms.keyword;

import java.time.Instant;
import java.util.Optional;

import org.baraza.core.DomainException;
import org.baraza.core.PhoneNumber;
import org.baraza.core.airing.Airing;
import org.baraza.core.db.Stores;
import org.baraza.core.people.Host;
import org.baraza.core.poll.PollOption;
import org.baraza.core.poll.VoteChannel;
import org.baraza.core.program.Program;
import org.baraza.core.program.ProgramType;
import org.baraza.core.sms.SmsMessage;
import org.baraza.core.station.Station;
import org.baraza.sms.keyword.Routed.Outcome;

/**
 * Routes a text a station received, once it is stored: STOP and START (for the whole network, for good), HELP,
 * SUB and UNSUB of a show's reminders, a host's commands from a host's own phone, a poll answer, and anything
 * else during a live show to that show's inbox. Keywords are read in the station's languages and English, in
 * any case, without accents, with any spacing ({@link Parsed}). Each step is one store call, atomic on its own;
 * nothing here is kept between texts.
 *
 * <p>Lives as long as its stores; stateless and thread-safe.
 */
public final class SmsRouter {

    private final Stores stores;
    private final ListenerKeywords listeners;
    private final HostCommands hosts;

    public SmsRouter(Stores stores) {
        this.stores = stores;
        this.listeners = new ListenerKeywords(stores);
        this.hosts = new HostCommands(stores);
    }

    /**
     * Routes a received message of {@code station}, at {@code now}.
     *
     * @throws DomainException when a store refuses a change (the message itself is stored already)
     */
    public Routed route(SmsMessage message, Station station, Instant now) {
        Parsed text = Parsed.of(message.body(), station.languages());
        Optional<PhoneNumber> sender = PhoneNumber.candidates(message.fromAddress()).stream().findFirst();
        if (sender.isEmpty()) {
            // An alphanumeric sender (a carrier's notice): nobody to answer, nothing to count.
            return Routed.silently(Outcome.KEPT);
        }
        PhoneNumber from = sender.get();
        switch (text.keyword()) {
            case STOP -> {
                stores.subscriptions().optOut(station.networkId(), from, message.id(), now);
                return Routed.of(Outcome.OPTED_OUT, Reply.STOPPED.in(text.language(), station.name()));
            }
            case START -> {
                stores.subscriptions().optIn(station.networkId(), from);
                return Routed.of(Outcome.OPTED_IN, Reply.STARTED.in(text.language(), station.name()));
            }
            default -> {
                Routed routed = others(message, station, text, from, now);
                return stores.subscriptions().isOptedOut(station.networkId(), from) ? routed.unanswered() : routed;
            }
        }
    }

    private Routed others(SmsMessage message, Station station, Parsed text, PhoneNumber from, Instant now) {
        if (text.keyword().forHosts()) {
            Optional<Host> host = hosts.presenter(station, from);
            if (host.isPresent()) {
                return hosts.run(text, host.get(), station, now);
            }
        }
        return switch (text.keyword()) {
            case HELP -> listeners.help(station, text);
            case SUB -> listeners.subscribe(station, text, from, now);
            case UNSUB -> listeners.unsubscribe(station, text, from);
            default -> answerOrMessage(message, station, text, from, now);
        };
    }

    /** A poll answer when its first word is one, else a message for the live show on air, else kept. */
    private Routed answerOrMessage(SmsMessage message, Station station, Parsed text, PhoneNumber from, Instant now) {
        Optional<PollOption> answer = text.keyword() == Keyword.NONE && !text.first().isEmpty()
                ? stores.polls().optionByKeyword(station.id(), text.first(), now) : Optional.empty();
        if (answer.isPresent()) {
            try {
                stores.polls().vote(answer.get().pollId(), answer.get().id(), from, VoteChannel.SMS, now);
                return Routed.of(Outcome.VOTED, Reply.VOTED.in(text.language(), answer.get().label()));
            } catch (DomainException.AlreadyExists voted) {
                return Routed.of(Outcome.ALREADY_VOTED, Reply.ALREADY_VOTED.in(text.language()));
            }
        }
        Optional<Airing> live = stores.airings().currentlyOnAir(station.id());
        if (live.isPresent()) {
            Program show = stores.programs().get(live.get().programId());
            if (show.type() == ProgramType.LIVE_TALK) {
                stores.sms().fileUnder(message.id(), live.get().id());
                return Routed.of(Outcome.TO_SHOW, Reply.TO_SHOW.in(text.language(), show.name()));
            }
        }
        return Routed.silently(Outcome.KEPT);
    }
}
