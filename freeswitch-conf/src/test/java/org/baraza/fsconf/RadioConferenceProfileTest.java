package org.baraza.fsconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The "radio" conference profile: broadcast audio, and nothing of mod_conference's own on air. */
class RadioConferenceProfileTest {

    /** The audio parameters mod_conference 1.10 reads from a profile (conference_new in mod_conference.c). */
    private static final Set<String> KNOWN = Set.of("rate", "channels", "domain", "description", "interval",
            "timer-name", "tts-engine", "tts-voice", "enter-sound", "outcall-templ", "exit-sound", "alone-sound",
            "perpetual-sound", "moh-sound", "muted-sound", "mute-detect-sound", "unmuted-sound", "locked-sound",
            "is-locked-sound", "is-unlocked-sound", "member-flags", "conference-flags", "cdr-log-dir",
            "cdr-event-mode", "kicked-sound", "join-only-sound", "pin", "moderator-pin", "pin-retries", "pin-sound",
            "bad-pin-sound", "energy-level", "auto-gain-level", "caller-id-name", "caller-id-number",
            "caller-controls", "ivr-dtmf-timeout", "ivr-input-timeout", "moderator-controls",
            "broadcast-chat-messages", "comfort-noise", "sound-prefix", "max-members", "max-members-sound",
            "announce-count", "suppress-events", "verbose-events", "auto-record", "min-required-recording-participants",
            "terminate-on-silence", "endconf-grace-time");

    /** The sounds that would reach the air if set: tones, announcements, music on hold. */
    private static final Set<String> ON_AIR_SOUNDS = Set.of("enter-sound", "exit-sound", "alone-sound", "moh-sound",
            "muted-sound", "unmuted-sound", "mute-detect-sound", "kicked-sound", "locked-sound", "is-locked-sound",
            "is-unlocked-sound", "perpetual-sound");

    private final Map<String, String> params = radioParams();

    @Test
    void mixesWidebandAudioInTwentyMillisecondFrames() {
        assertThat(params).containsEntry("rate", "16000").containsEntry("interval", "20");
    }

    @Test
    void putsNoSoundOfItsOwnOnAir() {
        assertThat(params).as("every sound mod_conference could play is empty or absent")
                .allSatisfy((name, value) -> {
                    if (name.endsWith("-sound")) {
                        assertThat(value).as(name).isEmpty();
                    }
                });
        assertThat(params.keySet()).as("the sounds that reach the air are switched off in writing")
                .containsAll(ON_AIR_SOUNDS);
        assertThat(params).doesNotContainKeys("sound-prefix", "tts-engine", "announce-count", "max-members-sound");
    }

    @Test
    void addsNoComfortNoise() {
        // mod_conference: a number from 2 to 9999 is a noise level, a true word means 1400, anything else none.
        assertThat(params.get("comfort-noise")).isEqualTo("false");
    }

    @Test
    void leavesTheKeypadToBaraza() {
        assertThat(params).containsEntry("caller-controls", "none").containsEntry("moderator-controls", "none");
    }

    @Test
    void recordsNothingByItself() {
        assertThat(params.getOrDefault("auto-record", "")).isEmpty();
    }

    @Test
    void gatesOnlyLineNoiseNotSoftSpeech() {
        assertThat(Integer.parseInt(params.get("energy-level")))
                .as("a gate, but lower than FreeSWITCH's sample of 300 made for office calls").isBetween(1, 299);
    }

    @Test
    void everyParameterIsOneModConferenceReads() {
        assertThat(params.keySet()).allSatisfy(name -> assertThat(KNOWN).as("known to mod_conference").contains(name));
    }

    private static Map<String, String> radioParams() {
        ConfigFile conference = ShippedConfiguration.xml("autoload_configs/conference.conf.xml");
        Map<String, String> params = new LinkedHashMap<>();
        for (Element param : conference.elements("/configuration/profiles/profile[@name='radio']/param")) {
            String name = param.getAttribute("name");
            assertThat(params.put(name, param.getAttribute("value"))).as(name + " set twice").isNull();
        }
        return params;
    }
}
