package org.baraza.programs.line;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a station's listener line behaves: its station's settings, read once and passed to {@link ListenerLine}.
 * Immutable; a bad setting is refused here, before any caller meets it.
 *
 * @param languages      the station's languages in the order the language menu offers them (BCP-47 tags:
 *                       {@code en}, {@code sw}, {@code pt-BR}; 1 to 10, no repeats in any case). The first is the one a
 *                       caller gets when they choose none.
 * @param profile        the FreeSWITCH conference profile listeners join with ({@code radio})
 * @param ring           how long a call rings before the line answers, so that a listener can hang up and be
 *                       called back at no cost (a "flash"); zero answers at once
 * @param longestMessage the longest message a listener can leave
 * @param menuTries      how many times a menu is played before the line gives up on a key (at least 1)
 */
public record Settings(List<String> languages, String profile, Duration ring, Duration longestMessage, int menuTries) {

    /** The most languages a one-key menu can offer: keys 1 to 9, then 0. */
    public static final int MOST_LANGUAGES = 10;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public Settings {
        languages = List.copyOf(languages);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(longestMessage, "longestMessage");
        if (languages.isEmpty() || languages.size() > MOST_LANGUAGES) {
            throw new IllegalArgumentException("a station's line offers 1 to " + MOST_LANGUAGES + " languages, not "
                    + languages.size());
        }
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("not a BCP-47 language tag: " + language);
            }
        }
        // Tags that differ only in case name one language (BCP 47 tags are case-insensitive: pt-BR is pt-br).
        if (languages.stream().map(language -> language.toLowerCase(Locale.ROOT)).distinct().count() != languages.size()) {
            throw new IllegalArgumentException("a language is offered twice: " + languages);
        }
        if (profile.isBlank()) {
            throw new IllegalArgumentException("the conference profile has no name");
        }
        if (ring.isNegative()) {
            throw new IllegalArgumentException("the ring time is negative: " + ring);
        }
        if (longestMessage.isNegative() || longestMessage.isZero()) {
            throw new IllegalArgumentException("the longest message must be longer than zero: " + longestMessage);
        }
        if (menuTries < 1) {
            throw new IllegalArgumentException("a menu is played at least once, not " + menuTries + " times");
        }
    }

    /** The language of a caller who has not chosen one. */
    public String firstLanguage() {
        return languages.getFirst();
    }
}
