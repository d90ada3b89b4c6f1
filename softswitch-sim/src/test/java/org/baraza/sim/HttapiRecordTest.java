package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.baraza.sim.testing.Multipart;
import org.baraza.sim.testing.TestWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener's message, as Baraza asks for one: answer, a beep, then {@code <record>}. mod_httapi uploads the
 * recording as curl's multipart POST (switch_curl_process_mime): every parameter a part, in order, then the
 * file under the tag's {@code name}, named as the tag's {@code file}; with the next request, or, when the
 * caller hangs up while recording, with the exiting request (parse_record attaches it either way). Then the
 * temporary file is removed (cleanup_attachments).
 */
class HttapiRecordTest {
    private static final String LISTENER = "256700000042";
    private static final String STATION = "256700100001";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String MESSAGE = "<document type=\"text/freeswitch-httapi\"><work>"
            + "<execute application=\"answer\"/>"
            + "<record file=\"message.wav\" name=\"message\" limit=\"60\" beep-file=\"tone_stream://%(500,0,800)\"/>"
            + "</work></document>";

    @TempDir
    Path root;

    private final TestWebhook webhook = new TestWebhook();
    private Softswitch sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start(SimFixture.config().manualClock(true).fileRoot(root)
                .httapiProfile(HttapiProfile.baraza(webhook.url(), "freeswitch", "s3cret"))
                .publicNumber(STATION, List.of("httapi {httapi_profile=baraza}", "hangup NORMAL_TEMPORARY_FAILURE")));
        webhook.answer(MESSAGE);
    }

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void theMessageIsUploadedWithTheNextRequestAfterTheBeep() throws Exception {
        long from = sim.eventPosition();
        String uuid = sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce().withKeyPress(Duration.ofMillis(4_500), "#"));
        recordingAfterTheBeep(from);
        sim.clock().advance(Duration.ofSeconds(4));

        TestWebhook.Request upload = webhook.awaitRequest(2);
        assertThat(upload.method()).isEqualTo("POST");
        List<Multipart.Part> parts = parts(upload);
        assertThat(parts.getFirst().disposition()).isEqualTo("form-data; name=\"session_id\"");
        assertThat(parts.getFirst().text()).isEqualTo(uuid);
        assertThat(parts.get(1).disposition()).isEqualTo("form-data; name=\"httapi_profile\"");
        Multipart.Part file = parts.getLast();
        assertThat(file.disposition()).isEqualTo("form-data; name=\"message\"; filename=\"message.wav\"");
        assertThat(file.headers().get("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(seconds(file)).isEqualTo(4.0f);
        assertThat(sim.eventsSince(from).stream().map(RecordedEvent::name))
                .containsSubsequence("CHANNEL_ANSWER", "PLAYBACK_START", "PLAYBACK_STOP", "RECORD_START", "DTMF",
                        "RECORD_STOP");
        await().atMost(WAIT).until(() -> temporaryFiles().isEmpty());
    }

    @Test
    void aCallerWhoHangsUpWhileRecordingHasTheMessageUploadedWithTheExitingRequest() throws Exception {
        long from = sim.eventPosition();
        sim.placeCall(LISTENER, STATION, PhoneScript.answersAtOnce().withHangUpAfter(Duration.ofMillis(3_500)));
        recordingAfterTheBeep(from);
        sim.clock().advance(Duration.ofSeconds(3));

        TestWebhook.Request exiting = webhook.awaitRequest(2);
        List<Multipart.Part> parts = parts(exiting);
        assertThat(parts).extracting(Multipart.Part::disposition).endsWith(
                "form-data; name=\"message\"; filename=\"message.wav\"", "form-data; name=\"exiting\"");
        assertThat(parts.getLast().text()).isEqualTo("true");
        assertThat(seconds(parts.get(parts.size() - 2))).isEqualTo(3.0f);
        await().atMost(WAIT).until(() -> temporaryFiles().isEmpty());
    }

    /** The document came, the beep started: half a second later the recording starts. */
    private void recordingAfterTheBeep(long from) {
        webhook.awaitRequest(1);
        sim.awaitEvent(from, e -> e.name().equals("PLAYBACK_START"), WAIT);
        sim.clock().advance(Duration.ofMillis(500));
        sim.awaitEvent(from, e -> e.name().equals("RECORD_START"), WAIT);
    }

    private List<Path> temporaryFiles() throws IOException {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    private static List<Multipart.Part> parts(TestWebhook.Request request) {
        String type = request.headers().get("Content-type").getFirst();
        assertThat(type).startsWith("multipart/form-data; boundary=");
        return Multipart.parse(type, request.body());
    }

    private static float seconds(Multipart.Part wav) throws Exception {
        AudioFileFormat format = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(wav.content()));
        return format.getFrameLength() / format.getFormat().getFrameRate();
    }
}
