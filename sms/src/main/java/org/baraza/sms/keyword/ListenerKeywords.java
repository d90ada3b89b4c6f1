package org.baraza.sms.keyword;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.program.Program;
import org.baraza.core.station.Station;
import org.baraza.sms.keyword.Routed.Outcome;

/** HELP, SUB and UNSUB: a listener's keywords about reminders. Stateless; any thread. */
final class ListenerKeywords {

    private final Stores stores;

    ListenerKeywords(Stores stores) {
        this.stores = stores;
    }

    Routed help(Station station, Parsed text) {
        Map<Keyword, String> words = Vocabulary.first(text.language());
        return Routed.of(Outcome.HELP, Reply.HELP.in(text.language(), station.name(), words.get(Keyword.SUB),
                words.get(Keyword.UNSUB), words.get(Keyword.STOP), words.get(Keyword.HELP)));
    }

    /** SUB alone: the station's news; SUB and a show's name: that show's reminders. */
    Routed subscribe(Station station, Parsed text, PhoneNumber from, Instant now) {
        Map<Keyword, String> words = Vocabulary.first(text.language());
        if (text.words().isEmpty()) {
            stores.subscriptions().subscribe(station.id(), null, from, now);
            return Routed.of(Outcome.SUBSCRIBED, Reply.SUBSCRIBED_TO_STATION.in(text.language(), station.name(),
                    words.get(Keyword.UNSUB)));
        }
        Optional<Program> show = show(station, text);
        if (show.isEmpty()) {
            return noSuchShow(text);
        }
        stores.subscriptions().subscribe(station.id(), show.get().id(), from, now);
        return Routed.of(Outcome.SUBSCRIBED, Reply.SUBSCRIBED.in(text.language(), show.get().name(), words.get(Keyword.UNSUB),
                show.get().name()));
    }

    Routed unsubscribe(Station station, Parsed text, PhoneNumber from) {
        if (text.words().isEmpty()) {
            stores.subscriptions().unsubscribe(station.id(), null, from);
            return Routed.of(Outcome.UNSUBSCRIBED, Reply.UNSUBSCRIBED.in(text.language(), station.name()));
        }
        Optional<Program> show = show(station, text);
        if (show.isEmpty()) {
            return noSuchShow(text);
        }
        stores.subscriptions().unsubscribe(station.id(), show.get().id(), from);
        return Routed.of(Outcome.UNSUBSCRIBED, Reply.UNSUBSCRIBED.in(text.language(), show.get().name()));
    }

    /** The network's program whose name reads as the text's words, accents, case and spacing aside. */
    private Optional<Program> show(Station station, Parsed text) {
        String wanted = text.argument();
        return stores.programs().list(station.networkId()).stream()
                .filter(program -> Words.normalize(program.name()).equals(wanted))
                .findFirst();
    }

    private static Routed noSuchShow(Parsed text) {
        return Routed.of(Outcome.NO_SUCH_SHOW, Reply.NO_SUCH_SHOW.in(text.language(), text.argument(),
                Vocabulary.first(text.language()).get(Keyword.HELP)));
    }
}
