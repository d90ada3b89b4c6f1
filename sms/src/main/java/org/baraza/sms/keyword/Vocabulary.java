package org.baraza.sms.keyword;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The words that mean each {@link Keyword}, per language (BCP-47 primary tag). English words work for every
 * station, whatever its languages: Twilio and carriers teach listeners STOP and HELP. A language Baraza has no
 * words for has the English ones only. Host commands are words no listener keyword uses (not CANCEL,
 * which is Twilio's STOP). Immutable.
 */
final class Vocabulary {

    static final String ENGLISH = "en";

    private static final Map<String, Map<Keyword, List<String>>> WORDS = Map.of(
            ENGLISH, words(
                    // Twilio's own opt-out and opt-in words, so that Baraza agrees with what the carrier does. Not YES,
                    // which Twilio takes for START too: here it is a common poll answer.
                    List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"),
                    List.of("START", "UNSTOP"),
                    List.of("HELP", "INFO"),
                    List.of("SUB", "SUBSCRIBE", "REMIND"),
                    List.of("UNSUB"),
                    List.of("LISTENERS"),
                    List.of("SKIP"),
                    List.of("POSTPONE", "DELAY")),
            "sw", words(
                    List.of("SIMAMISHA", "ACHA"),
                    List.of("ANZA", "ANZISHA"),
                    List.of("MSAADA", "USAIDIZI"),
                    List.of("JIUNGE", "KUMBUSHA"),
                    List.of("JITOE"),
                    List.of("WASIKILIZAJI"),
                    List.of("FUTA", "GHAIRI"),
                    List.of("AHIRISHA")));

    private Vocabulary() {
    }

    /** The keyword a text's first word is, and its language: the station's languages in order, then English. */
    static Optional<Match> match(String firstWord, List<String> languages) {
        for (String language : searchOrder(languages)) {
            for (Map.Entry<Keyword, List<String>> entry : WORDS.getOrDefault(language, Map.of()).entrySet()) {
                if (entry.getValue().contains(firstWord)) {
                    return Optional.of(new Match(entry.getKey(), language));
                }
            }
        }
        return Optional.empty();
    }

    /** The first word of each keyword in a language, for HELP ({@code STOP, START, SUB, ...}). */
    static Map<Keyword, String> first(String language) {
        Map<Keyword, String> first = new EnumMap<>(Keyword.class);
        WORDS.getOrDefault(primary(language), WORDS.get(ENGLISH)).forEach((keyword, words) -> first.put(keyword, words.getFirst()));
        return first;
    }

    /** The station's languages by primary tag ({@code sw-KE} is {@code sw}), then English; no repeats. */
    static List<String> searchOrder(List<String> languages) {
        return Stream.concat(languages.stream().map(Vocabulary::primary), Stream.of(ENGLISH))
                .distinct().toList();
    }

    static String primary(String language) {
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** A keyword found in a language. */
    record Match(Keyword keyword, String language) {
    }

    private static Map<Keyword, List<String>> words(List<String> stop, List<String> start, List<String> help,
                                                    List<String> sub, List<String> unsub, List<String> listeners,
                                                    List<String> cancel, List<String> postpone) {
        Map<Keyword, List<String>> words = new EnumMap<>(Keyword.class);
        words.put(Keyword.STOP, stop);
        words.put(Keyword.START, start);
        words.put(Keyword.HELP, help);
        words.put(Keyword.SUB, sub);
        words.put(Keyword.UNSUB, unsub);
        words.put(Keyword.LISTENERS, listeners);
        words.put(Keyword.CANCEL, cancel);
        words.put(Keyword.POSTPONE, postpone);
        return Map.copyOf(words);
    }
}
