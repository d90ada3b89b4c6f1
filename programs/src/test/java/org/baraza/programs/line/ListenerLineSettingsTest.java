package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A station's line settings and its air refuse what no caller should meet, with a message that names it. */
class ListenerLineSettingsTest {

    private static final Duration RING = Duration.ofSeconds(8);
    private static final Duration LONGEST = Duration.ofMinutes(2);

    /** One row: building this is refused, with a message that says this. */
    record Refused(String name, ThrowingCallable building, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Refused> refused() {
        return List.of(
                new Refused("no language", () -> languages(), "a station's line offers 1 to 10 languages, not 0"),
                new Refused("eleven languages", () -> languages("en", "sw", "fr", "pt", "ar", "ha", "yo", "ig", "zu", "am", "so"),
                        "a station's line offers 1 to 10 languages, not 11"),
                new Refused("a language in capitals", () -> languages("EN"), "not a BCP-47 language tag: EN"),
                new Refused("a language's name", () -> languages("english"), "not a BCP-47 language tag: english"),
                new Refused("a one-letter language", () -> languages("e"), "not a BCP-47 language tag: e"),
                new Refused("a language with an underscore", () -> languages("en_US"), "not a BCP-47 language tag: en_US"),
                new Refused("a language that is a path", () -> languages("../en"), "not a BCP-47 language tag: ../en"),
                new Refused("an empty language", () -> languages(""), "not a BCP-47 language tag: "),
                new Refused("a language twice", () -> languages("en", "sw", "en"), "a language is offered twice: [en, sw, en]"),
                new Refused("a language twice in two cases", () -> languages("pt-BR", "pt-br"),
                        "a language is offered twice: [pt-BR, pt-br]"),
                new Refused("a blank conference profile", () -> new Settings(List.of("en"), " ", RING, LONGEST, 3),
                        "the conference profile has no name"),
                new Refused("a negative ring", () -> new Settings(List.of("en"), "radio", Duration.ofSeconds(-1), LONGEST, 3),
                        "the ring time is negative: PT-1S"),
                new Refused("a longest message of zero", () -> new Settings(List.of("en"), "radio", RING, Duration.ZERO, 3),
                        "the longest message must be longer than zero: PT0S"),
                new Refused("a negative longest message",
                        () -> new Settings(List.of("en"), "radio", RING, Duration.ofSeconds(-5), 3),
                        "the longest message must be longer than zero: PT-5S"),
                new Refused("menus played no times", () -> new Settings(List.of("en"), "radio", RING, LONGEST, 0),
                        "a menu is played at least once, not 0 times"),
                new Refused("menus played a negative number of times",
                        () -> new Settings(List.of("en"), "radio", RING, LONGEST, -2),
                        "a menu is played at least once, not -2 times"),
                new Refused("filler by a relative path", () -> Air.offAir(List.of("/media/a.wav", "media/b.wav")),
                        "filler is played by absolute path, not media/b.wav"),
                new Refused("a show taking callers with no conference", () -> new Air(Optional.empty(), List.of(), true, Optional.empty()),
                        "a show that takes callers is on air in a conference"),
                new Refused("a conference with a blank name", () -> Air.onAir("  ", false), "the air's conference has no name"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refused")
    void refuses(Refused row) {
        assertThatThrownBy(row.building()).isInstanceOf(IllegalArgumentException.class).hasMessage(row.message());
    }

    @Test
    void aStationMayOfferTenLanguagesWithRegionsAndScripts() {
        Settings settings = languages("en", "sw", "pt-BR", "zh-Hant-TW", "fil", "ar", "ha", "yo", "ig", "zu");
        assertThat(settings.firstLanguage()).isEqualTo("en");
        assertThat(settings.languages()).hasSize(Settings.MOST_LANGUAGES);
    }

    @Test
    void aStationMayAnswerAtOnceAndPlayAMenuOnce() {
        assertThatCode(() -> new Settings(List.of("sw"), "radio", Duration.ZERO, Duration.ofSeconds(1), 1))
                .doesNotThrowAnyException();
    }

    @Test
    void theAirKeepsNoFillerWhenOnAirAndTakesNoCallersWhenOff() {
        assertThat(Air.onAir("airing-7", true)).isEqualTo(new Air(Optional.of("airing-7"), List.of(), true, Optional.empty()));
        assertThat(Air.offAir(List.of("/media/a.wav"))).isEqualTo(new Air(Optional.empty(), List.of("/media/a.wav"), false, Optional.empty()));
    }

    private static Settings languages(String... languages) {
        return new Settings(List.of(languages), "radio", RING, LONGEST, 3);
    }
}
