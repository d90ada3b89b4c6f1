package org.baraza.sim.internal.esl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.baraza.sim.internal.event.Header;

/**
 * {@code event}, {@code nixevent}, {@code noevents} and {@code filter}, as mod_event_socket's parse_command
 * handles them, with its reply texts. Pure: each takes the current subscription and the command line and
 * returns the next subscription and the reply.
 */
final class SubscriptionCommands {
    record Outcome(Subscription subscription, String reply) {
    }

    private SubscriptionCommands() {
    }

    /** {@code event [plain|json|xml] <names...> [CUSTOM <subclasses...>]}: adds to what is subscribed. */
    static Outcome event(Subscription current, String command) {
        Subscription s = current;
        boolean all = s.all();
        Set<String> names = new HashSet<>(s.names());
        Set<String> subclasses = new HashSet<>(s.subclasses());
        boolean custom = false;
        int keys = 0;
        List<String> words = words(command);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i == 0) {
                Optional<EventFormat> format = format(word);
                if (format.isPresent()) {
                    s = s.withFormat(format.get());
                    continue;
                }
            }
            if (custom) {
                subclasses.add(word);
                continue;
            }
            Optional<String> name = EventNames.lookup(word);
            if (name.isEmpty()) {
                continue;
            }
            keys++;
            if (name.get().equals(EventNames.ALL)) {
                all = true;
            } else {
                names.add(name.get());
            }
            if (name.get().equals(EventNames.CUSTOM)) {
                custom = true;
            }
        }
        if (keys == 0) {
            return new Outcome(current, "-ERR no keywords supplied");
        }
        s = s.withEvents(true, all, names, subclasses);
        return new Outcome(s, "+OK event listener enabled " + s.format().wireName());
    }

    /** {@code nixevent <names...> [CUSTOM <subclasses...>]}: removes from what is subscribed. */
    static Outcome nixevent(Subscription current, String command) {
        boolean all = current.all();
        Set<String> names = new HashSet<>(current.names());
        Set<String> subclasses = new HashSet<>(current.subclasses());
        boolean custom = false;
        int keys = 0;
        for (String word : words(command)) {
            if (custom) {
                subclasses.remove(word);
                continue;
            }
            Optional<String> name = EventNames.lookup(word);
            if (name.isEmpty()) {
                continue;
            }
            keys++;
            if (name.get().equals(EventNames.CUSTOM)) {
                custom = true;
            } else if (name.get().equals(EventNames.ALL)) {
                all = false;
                names.clear();
            } else {
                if (all) {
                    // Nixing one type while subscribed to ALL leaves every other type, as in FreeSWITCH.
                    all = false;
                    names.addAll(EventNames.allTypes());
                }
                names.remove(name.get());
            }
        }
        if (keys == 0) {
            return new Outcome(current, "-ERR no keywords supplied");
        }
        return new Outcome(current.withEvents(true, all, names, subclasses), "+OK events nixed");
    }

    static Outcome noevents(Subscription current) {
        if (!current.enabled()) {
            return new Outcome(current, "-ERR not listening for events");
        }
        return new Outcome(current.withEvents(false, false, Set.of(), Set.of()), "+OK no longer listening for events");
    }

    /** {@code filter [add] <header> <value>} and {@code filter delete <header|all> [<value>]}. */
    static Outcome filter(Subscription current, String command) {
        String rest = command.length() > 7 ? command.substring(7).stripLeading() : "";
        String[] first = rest.split(" ", 2);
        String name = first[0];
        String value = first.length > 1 ? first[1] : null;
        List<Header> rules = new ArrayList<>(current.filter().rules());
        if (name.equalsIgnoreCase("delete") && value != null) {
            String[] target = value.split(" ", 2);
            String deleteName = target[0];
            String deleteValue = target.length > 1 ? target[1] : null;
            if (deleteName.equalsIgnoreCase("all")) {
                rules.clear();
            } else {
                rules.removeIf(r -> r.name().equalsIgnoreCase(deleteName)
                        && (deleteValue == null || r.value().equals(deleteValue)));
            }
            return new Outcome(current.withFilter(new EventFilter(rules)),
                    "+OK filter deleted. [" + deleteName + "][" + (deleteValue == null ? "" : deleteValue) + "]");
        }
        if (value == null) {
            return new Outcome(current, "-ERR invalid syntax");
        }
        if (name.equalsIgnoreCase("add")) {
            String[] added = value.split(" ", 2);
            name = added[0];
            value = added.length > 1 ? added[1] : null;
        }
        if (value != null) {
            rules.add(new Header(name, value));
        }
        // FreeSWITCH prints a missing value with printf's "(null)".
        return new Outcome(current.withFilter(new EventFilter(rules)),
                "+OK filter added. [" + name + "]=[" + (value == null ? "(null)" : value) + "]");
    }

    private static Optional<EventFormat> format(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "plain" -> Optional.of(EventFormat.PLAIN);
            case "json" -> Optional.of(EventFormat.JSON);
            case "xml" -> Optional.of(EventFormat.XML);
            default -> Optional.empty();
        };
    }

    /** The words after the command word, split on single spaces as FreeSWITCH splits them. */
    private static List<String> words(String command) {
        int space = command.indexOf(' ');
        List<String> out = new ArrayList<>();
        if (space < 0) {
            return out;
        }
        for (String w : command.substring(space + 1).split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
