package org.baraza.server.httapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.baraza.core.hub.CallDocument;
import org.baraza.core.hub.CallDocument.Answer;
import org.baraza.core.hub.CallDocument.Digits;
import org.baraza.core.hub.CallDocument.Hangup;
import org.baraza.core.hub.CallDocument.Join;
import org.baraza.core.hub.CallDocument.Menu;
import org.baraza.core.hub.CallDocument.Pause;
import org.baraza.core.hub.CallDocument.Play;
import org.baraza.core.hub.CallDocument.Record;
import org.baraza.core.hub.CallDocument.Step;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Each step as mod_httapi reads it, exactly, and hostile values escaped. */
class HttapiXmlTest {

    private static final String OPEN = "<document type=\"text/freeswitch-httapi\"><work>";
    private static final String CLOSE = "</work></document>";

    @Test
    void answerIsTheAnswerApplicationBecauseMod_httapiHasNoAnswerTag() {
        assertThat(work(new Answer())).isEqualTo("<execute application=\"answer\"/>");
    }

    @Test
    void playIsOnePlaybackPerFile() {
        assertThat(work(new Play(List.of("/m/a.wav", "/m/b.wav"))))
                .isEqualTo("<playback file=\"/m/a.wav\"/><playback file=\"/m/b.wav\"/>");
    }

    @Test
    void aMenuCollectsOneOfItsKeysWithAnAnchoredBindAndNoErrorFile() {
        assertThat(work(new Menu(List.of("/m/menu.wav"), "12#", Duration.ofSeconds(5), "choice")))
                .isEqualTo("<playback file=\"/m/menu.wav\" name=\"choice\" input-timeout=\"5000\" digit-timeout=\"2000\">"
                        + "<bind strip=\"\">~^[12#]$</bind></playback>");
    }

    @Test
    void aMenuOfSeveralFilesPlaysThemAsOneFileString() {
        assertThat(work(new Menu(List.of("/m/a.wav", "/m/b.wav"), "1", Duration.ofSeconds(3), "choice")))
                .startsWith("<playback file=\"file_string:///m/a.wav!/m/b.wav\" name=\"choice\"");
    }

    @Test
    void digitsCollectUpToTheirMaximumEndedByHashWhichIsStripped() {
        assertThat(work(new Digits(List.of("/m/enter-pin.wav"), 8, Duration.ofSeconds(10), "digits")))
                .isEqualTo("<playback file=\"/m/enter-pin.wav\" name=\"digits\" input-timeout=\"10000\" digit-timeout=\"10000\">"
                        + "<bind strip=\"#\">~^\\d{1,8}#$</bind></playback>");
    }

    @Test
    void digitsWithoutAPromptPlayAMomentOfSilenceSoThatKeysAreStillCollected() {
        assertThat(work(new Digits(List.of(), 4, Duration.ofSeconds(5), "digits")))
                .startsWith("<playback file=\"silence_stream://100\" name=\"digits\"");
    }

    @Test
    void joinIsTheConferenceApplicationWithProfileAndSortedFlags() {
        assertThat(work(new Join("baraza-s7-a12", "radio", Set.of("mute", "moderator"))))
                .isEqualTo("<execute application=\"conference\" data=\"baraza-s7-a12@radio+flags{moderator|mute}\"/>");
    }

    @Test
    void joinWithoutFlagsIsNameAtProfile() {
        assertThat(work(new Join("baraza-s7-a12", "radio", Set.of())))
                .isEqualTo("<execute application=\"conference\" data=\"baraza-s7-a12@radio\"/>");
    }

    @Test
    void recordNamesTheUploadAndLimitsInWholeSecondsRoundedUp() {
        assertThat(work(new Record("message.wav", Duration.ofMillis(90_500), "tone_stream://%(500,0,800)", "message")))
                .isEqualTo("<record file=\"message.wav\" name=\"message\" limit=\"91\" beep-file=\"tone_stream://%(500,0,800)\"/>");
    }

    @Test
    void recordWithoutLimitOrBeepLeavesThemOut() {
        assertThat(work(new Record("message.wav", null, null, "message")))
                .isEqualTo("<record file=\"message.wav\" name=\"message\"/>");
    }

    @Test
    void pauseIsTheSleepApplicationInMilliseconds() {
        assertThat(work(new Pause(Duration.ofMillis(750)))).isEqualTo("<execute application=\"sleep\" data=\"750\"/>");
    }

    @Test
    void hangupCarriesItsCauseOrNone() {
        assertThat(work(new Hangup("UNALLOCATED_NUMBER"))).isEqualTo("<hangup cause=\"UNALLOCATED_NUMBER\"/>");
        assertThat(work(new Hangup(null))).isEqualTo("<hangup/>");
    }

    @Test
    void paramsAndVariablesAreOneElementPerNameInNameOrderAsTheRecordedDocumentsAre() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("station", "7");
        params.put("bzs_seq", "1");
        CallDocument document = new CallDocument(params, Map.of("baraza_station", "7"), List.of(new Hangup(null)));

        assertThat(HttapiXml.render(document)).isEqualTo("<document type=\"text/freeswitch-httapi\">"
                + "<params><bzs_seq>1</bzs_seq><station>7</station></params>"
                + "<variables><baraza_station>7</baraza_station></variables>"
                + "<work><hangup/></work></document>");
    }

    @Test
    void hostileValuesAreEscapedAndTheDocumentStillParsesToTheSameValues() throws Exception {
        String hostile = "a\"b'<c>&d]]>e";
        CallDocument document = new CallDocument(Map.of("bz_note", hostile), Map.of("baraza_role", hostile),
                List.of(new Play(List.of("/m/" + hostile + ".wav")), new Hangup(hostile)));

        String xml = HttapiXml.render(document);

        assertThat(xml).doesNotContain(hostile).doesNotContain("]]>");
        Document parsed = parse(xml);
        Element root = parsed.getDocumentElement();
        assertThat(root.getElementsByTagName("bz_note").item(0).getTextContent()).isEqualTo(hostile);
        assertThat(root.getElementsByTagName("baraza_role").item(0).getTextContent()).isEqualTo(hostile);
        assertThat(((Element) root.getElementsByTagName("playback").item(0)).getAttribute("file")).isEqualTo("/m/" + hostile + ".wav");
        assertThat(((Element) root.getElementsByTagName("hangup").item(0)).getAttribute("cause")).isEqualTo(hostile);
    }

    @Test
    void everyStepTogetherParsesAsXml() throws Exception {
        CallDocument document = CallDocument.of(Map.of("bzs_seq", "2"), new Answer(), new Pause(Duration.ofMillis(500)),
                new Play(List.of("/m/hello.wav")), new Menu(List.of("/m/menu.wav"), "123", Duration.ofSeconds(5), "choice"),
                new Digits(List.of("/m/pin.wav"), 6, Duration.ofSeconds(8), "digits"),
                new Record("m.wav", Duration.ofSeconds(60), null, "message"), new Join("studio-a", "radio", Set.of("mute")),
                new Hangup("NORMAL_CLEARING"));

        Element work = (Element) parse(HttapiXml.render(document)).getDocumentElement().getElementsByTagName("work").item(0);

        assertThat(work.getChildNodes().getLength()).isEqualTo(8);
    }

    @Test
    void aCharacterXmlCannotCarryIsRefusedRatherThanWritten() {
        CallDocument document = CallDocument.of(Map.of("bz_x", "a\u0000b"), new Hangup(null));

        assertThatThrownBy(() -> HttapiXml.render(document)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XML cannot carry");
    }

    @Test
    void aConferenceNameThatWouldChangeTheApplicationsMeaningIsRefused() {
        for (String name : List.of("studio@other", "a+flags{deaf}", "${system(rm)}", "two words", "")) {
            assertThatThrownBy(() -> HttapiXml.render(CallDocument.of(Map.of(), new Join(name, "radio", Set.of()))))
                    .as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> HttapiXml.render(CallDocument.of(Map.of(), new Join("studio", "radio", Set.of("mute}|x")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String work(Step step) {
        String xml = HttapiXml.render(CallDocument.of(Map.of(), step));
        assertThat(xml).startsWith(OPEN).endsWith(CLOSE);
        return xml.substring(OPEN.length(), xml.length() - CLOSE.length());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
