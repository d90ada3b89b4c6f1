package org.baraza.programs.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.programs.line.LineFixtures.ANSWER;
import static org.baraza.programs.line.LineFixtures.FILLER;
import static org.baraza.programs.line.LineFixtures.HANGUP;
import static org.baraza.programs.line.LineFixtures.LANGUAGES;
import static org.baraza.programs.line.LineFixtures.LINE;
import static org.baraza.programs.line.LineFixtures.LIVE_SHOW;
import static org.baraza.programs.line.LineFixtures.ON_AIR;
import static org.baraza.programs.line.LineFixtures.POLL;
import static org.baraza.programs.line.LineFixtures.POLLING;
import static org.baraza.programs.line.LineFixtures.RECORD;
import static org.baraza.programs.line.LineFixtures.RING;
import static org.baraza.programs.line.LineFixtures.SILENT;
import static org.baraza.programs.line.LineFixtures.SONG_A;
import static org.baraza.programs.line.LineFixtures.SONG_B;
import static org.baraza.programs.line.LineFixtures.SONG_C;
import static org.baraza.programs.line.LineFixtures.at;
import static org.baraza.programs.line.LineFixtures.document;
import static org.baraza.programs.line.LineFixtures.firstDocument;
import static org.baraza.programs.line.LineFixtures.join;
import static org.baraza.programs.line.LineFixtures.menu;
import static org.baraza.programs.line.LineFixtures.play;
import static org.baraza.programs.line.LineFixtures.sw;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Hangup;
import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.core.hub.CallDocument.Step;
import org.baraza.programs.line.Outcome.AsksToSpeak;
import org.baraza.programs.line.Outcome.MissedCall;
import org.baraza.programs.line.Outcome.Reply;
import org.baraza.programs.line.Outcome.Votes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole calls, with each request carrying back the params of the document before it as FreeSWITCH does;
 * and what every document keeps to, whatever a request says.
 */
class ListenerLineCallTest {

    @Test
    void aListenerWhoWaitsOutTheRingChoosesSwahiliAndLeavesAMessage() {
        Phone phone = new Phone(LINE, ON_AIR);
        List<CallDocument> heard = List.of(phone.press(null), phone.press(null), phone.press("2"), phone.press("2"),
                phone.upload(31));
        assertThat(heard).containsExactly(
                firstDocument(at("ring", "en", 0, 0), new Pause(RING)),
                document(at("language", "en", 1, 0), ANSWER, LANGUAGES),
                document(at("main", "sw", 1, 0), menu("123", sw("welcome"))),
                document(at("record", "sw", 0, 0), play(sw("leave-message")), RECORD),
                document(at("bye", "sw", 0, 0), play(sw("message-saved"), sw("goodbye")), HANGUP));
    }

    @Test
    void aListenerOffAirHearsTheFillerInTurnThenTheAirAsSoonAsItStarts() {
        Phone phone = new Phone(LINE, FILLER);
        phone.press(null);
        phone.press(null);
        phone.press("1");
        List<CallDocument> heard = List.of(phone.press("1"), phone.press(null), phone.press(null), phone.press(null));
        phone.air = ON_AIR;
        CallDocument live = phone.press(null);
        assertThat(heard).extracting(CallDocument::steps)
                .containsExactly(List.of(play(SONG_A)), List.of(play(SONG_B)), List.of(play(SONG_C)), List.of(play(SONG_A)));
        assertThat(live).isEqualTo(document(at("listen", "en", 0, 1), join("airing-41")));
    }

    @Test
    void aListenerWhoHangsUpDuringTheRingIsCalledBack() {
        Phone phone = new Phone(LINE, ON_AIR);
        phone.press(null);
        assertThat(phone.hangUp()).isEqualTo(new MissedCall(document(at("bye", "en", 0, 0), HANGUP)));
    }

    /** Every request the line can meet, in every phase: the rules each answer keeps. */
    @ParameterizedTest(name = "at {0}, every answer keeps the rules")
    @EnumSource(Phase.class)
    void everyAnswerKeepsTheRules(Phase phase) {
        List<Air> airs = List.of(LIVE_SHOW, ON_AIR, FILLER, SILENT, POLLING);
        List<String> keys = Arrays.asList(null, "", "0", "1", "2", "3", "4", "9", "*", "#", "12", "x");
        for (String tries : List.of("0", "1", "3", "4", "-1")) {
            for (String key : keys) {
                for (long poll : List.of(0L, POLL.id().value())) {
                    Map<String, String> params = new HashMap<>(at(phase.param(), "sw", 0, 2, poll));
                    params.put("bz_tries", tries);
                    if (key != null) {
                        params.put("choice", key);
                    }
                    everyRequestKeepsTheRules(params, airs);
                }
            }
        }
    }

    private static void everyRequestKeepsTheRules(Map<String, String> params, List<Air> airs) {
        for (int facts = 0; facts < 16; facts++) {
            Request request = new Request(params, (facts & 1) != 0, (facts & 2) != 0,
                    (facts & 4) != 0 ? Optional.of(7L) : Optional.empty(), (facts & 8) != 0);
            for (Air air : airs) {
                keepsTheRules(request, LINE.next(request, air));
            }
        }
    }

    private static void keepsTheRules(Request request, Outcome outcome) {
        switch (outcome) {
            case AsksToSpeak asks -> assertThat(request.exiting()).as("a caller who hung up asks nothing").isFalse();
            case Reply reply -> keepsTheRules(request, reply.document());
            case MissedCall missed -> keepsTheRules(request, missed.document());
            case Votes votes -> {
                assertThat(request.exiting()).as("a caller who hung up votes for nothing").isFalse();
                keepsTheRules(request, LINE.voted(request, Vote.COUNTED, POLLING));
            }
        }
    }

    private static void keepsTheRules(Request request, CallDocument document) {
        String why = request + " -> " + document;
        List<Step> steps = document.steps();
        assertThat(document.params().keySet()).as("every document sets all its params: " + why).isEqualTo(Place.PARAMS);
        boolean heard = steps.stream().anyMatch(step -> !(step instanceof Pause || step instanceof Hangup));
        assertThat(steps.stream().filter(Answer.class::isInstance).count())
                .as("answers once, only a call not answered yet that hears something: " + why)
                .isEqualTo(heard && !request.answered() ? 1 : 0);
        if (steps.contains(ANSWER)) {
            assertThat(steps.getFirst()).as("the answer comes first: " + why).isEqualTo(ANSWER);
        }
        if (request.exiting()) {
            assertThat(steps).as("a caller who hung up is only hung up on: " + why).containsExactly(HANGUP);
        }
    }

    /** A caller's phone and FreeSWITCH together: it echoes the params each document sets, and answers when told to. */
    private static final class Phone {
        private final ListenerLine line;
        private Air air;
        private final Map<String, String> params = new HashMap<>();
        private boolean answered;

        Phone(ListenerLine line, Air air) {
            this.line = line;
            this.air = air;
        }

        /** The next request, with {@code key} collected by the last menu ({@code null}: none). */
        CallDocument press(String key) {
            return send(key, Optional.empty());
        }

        /** The request after a recording, uploaded and stored as {@code id}. */
        CallDocument upload(long id) {
            return send(null, Optional.of(id));
        }

        Outcome hangUp() {
            return line.next(new Request(params, answered, false, Optional.empty(), true), air);
        }

        private CallDocument send(String key, Optional<Long> recording) {
            Map<String, String> sent = new HashMap<>(params);
            if (key != null) {
                sent.put(ListenerLine.KEY, key);
            }
            Outcome outcome = line.next(new Request(sent, answered, false, recording, false), air);
            CallDocument document = ((Reply) outcome).document();
            answered |= document.steps().contains(ANSWER);
            params.putAll(document.params());
            return document;
        }
    }
}
