package org.baraza.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.baraza.core.DomainException;
import org.baraza.server.media.SoxConverter.InputFormat;
import org.baraza.server.testing.Sox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sox on audio it synthesises: what an upload becomes, and what is refused with what sox said. */
class SoxConverterTest {

    private static final SoxConverter NARROWBAND = new SoxConverter("sox", 8000, Duration.ofMinutes(1), 2);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSox() {
        Sox.assumeInstalled();
    }

    @Test
    void aStereoCdWavBecomesMonoSixteenBitWavAtEightKilohertzOfTheSameLength() {
        Path upload = Sox.tone(dir.resolve("tone.wav"), 3, 44_100, 2, 0.3);

        SoxConverter.Converted converted = NARROWBAND.convert(upload, InputFormat.WAV, dir.resolve("out.wav"));

        assertThat(converted.durationMs()).isEqualTo(3000);
        assertThat(converted.sampleRateHz()).isEqualTo(8000);
        assertThat(converted.channels()).isEqualTo(1);
        assertThat(Sox.info(converted.file(), "-r")).isEqualTo("8000");
        assertThat(Sox.info(converted.file(), "-c")).isEqualTo("1");
        assertThat(Sox.info(converted.file(), "-b")).isEqualTo("16");
        assertThat(Sox.info(converted.file(), "-e")).isEqualTo("Signed Integer PCM");
    }

    @Test
    void anMp3BecomesWavAtSixteenKilohertzForWidebandCalls() {
        Path upload = Sox.tone(dir.resolve("tone.mp3"), 2, 44_100, 2, 0.3);

        SoxConverter.Converted converted = new SoxConverter("sox", 16_000, Duration.ofMinutes(1), 1)
                .convert(upload, InputFormat.MP3, dir.resolve("out.wav"));

        // An MP3 carries its encoder's padding: a few tens of milliseconds more than was synthesised.
        assertThat(converted.durationMs()).isBetween(2000, 2100);
        assertThat(Sox.info(converted.file(), "-r")).isEqualTo("16000");
        assertThat(Sox.info(converted.file(), "-t")).isEqualTo("wav");
    }

    @Test
    void aQuietAndALoudUploadEndAtTheSameLevel() {
        Path quiet = NARROWBAND.convert(Sox.tone(dir.resolve("quiet.wav"), 2, 44_100, 1, 0.03), InputFormat.WAV,
                dir.resolve("quiet-out.wav")).file();
        Path loud = NARROWBAND.convert(Sox.tone(dir.resolve("loud.wav"), 2, 44_100, 1, 0.9), InputFormat.WAV,
                dir.resolve("loud-out.wav")).file();

        assertThat(Sox.rmsDb(quiet)).isCloseTo(SoxConverter.TARGET_RMS_DB, within(0.3));
        assertThat(Sox.rmsDb(loud)).isCloseTo(SoxConverter.TARGET_RMS_DB, within(0.3));
    }

    @Test
    void peaksThatTheGainWouldClipAreLimitedInstead() {
        Path murmur = Sox.tone(dir.resolve("murmur.wav"), 10, 44_100, 1, 0.03);
        Path bang = Sox.tone(dir.resolve("bang.wav"), 0.005, 44_100, 1, 0.95);
        Path upload = Sox.join(dir.resolve("murmur-and-bang.wav"), murmur, bang);

        SoxConverter.Converted converted = NARROWBAND.convert(upload, InputFormat.WAV, dir.resolve("out.wav"));

        assertThat(converted.gainDb()).isGreaterThan(10);
        assertThat(Sox.peakDb(converted.file())).isLessThan(SoxConverter.PEAK_CEILING_DB + 0.5);
        // Less than the whole gain: the click was much of the file's energy, and the limiter took it.
        assertThat(Sox.rmsDb(converted.file())).isGreaterThan(converted.measuredRmsDb() + 8);
    }

    @Test
    void theSameUploadConvertsToTheSameBytes() throws IOException {
        Path upload = Sox.tone(dir.resolve("tone.wav"), 1, 22_050, 2, 0.5);

        byte[] first = Files.readAllBytes(NARROWBAND.convert(upload, InputFormat.WAV, dir.resolve("one.wav")).file());
        byte[] second = Files.readAllBytes(NARROWBAND.convert(upload, InputFormat.WAV, dir.resolve("two.wav")).file());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aFileThatIsNotAudioIsRefusedWithWhatSoxSaidAndNoServerPath() throws IOException {
        Path upload = Files.writeString(dir.resolve("upload-1234.wav"), "<html>not a song</html>");

        assertThatThrownBy(() -> NARROWBAND.convert(upload, InputFormat.WAV, dir.resolve("out.wav")))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageStartingWith("the file is not WAV audio that sox can read: ")
                .hasMessageContaining("RIFF header not found")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void silenceIsRefused() {
        Path upload = Sox.silence(dir.resolve("silence.wav"), 2);

        assertThatThrownBy(() -> NARROWBAND.convert(upload, InputFormat.WAV, dir.resolve("out.wav")))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("silent");
    }

    @Test
    void aConversionPastItsDeadlineIsStoppedAndRefused() {
        Path upload = Sox.tone(dir.resolve("long.wav"), 120, 44_100, 2, 0.3);

        assertThatThrownBy(() -> new SoxConverter("sox", 8000, Duration.ofMillis(1), 1)
                .convert(upload, InputFormat.WAV, dir.resolve("out.wav")))
                .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("took longer than");
    }

    @Test
    void withoutSoxTheConverterSaysItIsUnavailable() {
        SoxConverter missing = new SoxConverter(dir.resolve("no-sox-here").toString(), 8000, Duration.ofMinutes(1), 1);

        assertThat(missing.version()).isEmpty();
        assertThat(NARROWBAND.version()).hasValueSatisfying(version -> assertThat(version).contains("SoX v"));
        assertThatThrownBy(() -> missing.convert(dir.resolve("any.wav"), InputFormat.WAV, dir.resolve("out.wav")))
                .isInstanceOf(SoxConverter.Unavailable.class).hasMessageContaining("install sox");
    }
}
