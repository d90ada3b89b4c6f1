package org.baraza.sim.internal.esl;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.baraza.sim.internal.event.Header;
import org.baraza.sim.internal.event.SwitchEvent;

/**
 * The {@code filter} rules of one connection, applied as mod_event_socket's event_handler applies them: with
 * no rules every subscribed event passes; otherwise an event passes when a rule matches one of its headers.
 * A value may start with {@code +} (must match, the default) or {@code -} (must not match; a match drops the
 * event at once), and a value written {@code /regex/} is a regular expression; otherwise values compare
 * without regard to case. Immutable.
 */
record EventFilter(List<Header> rules) {
    static final EventFilter NONE = new EventFilter(List.of());

    EventFilter {
        rules = List.copyOf(rules);
    }

    boolean passes(SwitchEvent event) {
        if (rules.isEmpty()) {
            return true;
        }
        boolean send = false;
        for (Header rule : rules) {
            String actual = event.header(rule.name());
            if (actual == null) {
                continue;
            }
            String wanted = rule.value();
            boolean positive = true;
            int at = 0;
            while (at < wanted.length()) {
                char c = wanted.charAt(at);
                if (c == '+') {
                    positive = true;
                } else if (c == '-') {
                    positive = false;
                } else if (c != ' ') {
                    break;
                }
                at++;
            }
            if (send && positive) {
                continue;
            }
            String compareTo = wanted.substring(at);
            boolean matches = wanted.startsWith("/") ? regexMatches(actual, compareTo) : actual.equalsIgnoreCase(compareTo);
            if (matches) {
                if (!positive) {
                    return false;
                }
                send = true;
            }
        }
        return send;
    }

    private static boolean regexMatches(String actual, String slashed) {
        String expression = slashed.length() >= 2 && slashed.endsWith("/")
                ? slashed.substring(1, slashed.length() - 1) : slashed.substring(1);
        try {
            return Pattern.compile(expression).matcher(actual).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
