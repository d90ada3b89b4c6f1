package org.baraza.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.baraza.core.Ids.StationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    private static final StationId STATION = new StationId(7);

    @TempDir
    Path media;

    @Test
    void theDefaultsAreInstalledUnderTheMediaDirectoryAndPlayForTheirRealLength() {
        Prompts prompts = Prompts.install(media);

        String welcome = prompts.path(STATION, "sw", "welcome");

        assertThat(welcome).isEqualTo(media.resolve("prompts/default/sw/welcome.wav").toString());
        assertThat(Path.of(welcome)).isRegularFile();
        assertThat(prompts.names()).contains("welcome", "goodbye", "station-unavailable", "0", "20");
        assertThat(prompts.length(welcome)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(prompts.length(media.resolve("nothing.wav").toString())).isZero();
    }

    @Test
    void aStationsOwnRecordingComesBeforeTheDefaultAndAnotherLanguageFallsBackToTheFirst() throws IOException {
        Prompts prompts = Prompts.install(media);
        Path own = media.resolve("prompts/station-7/en/welcome.wav");
        Files.createDirectories(own.getParent());
        Files.copy(Path.of(prompts.path(null, "en", "goodbye")), own);

        assertThat(prompts.path(STATION, "en", "welcome")).isEqualTo(own.toString());
        assertThat(prompts.path(new StationId(8), "en", "welcome")).endsWith("prompts/default/en/welcome.wav");
        assertThat(prompts.path(STATION, "lg", "goodbye")).endsWith("prompts/default/en/goodbye.wav");
        assertThatThrownBy(() -> prompts.path(STATION, "en", "../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("there is no prompt named ../../etc/passwd");
    }

    @Test
    void numbersUpToTwentyAreOneWordAndLargerOnesTheirDigits() {
        Prompts prompts = Prompts.at(media);

        assertThat(prompts.number(STATION, "en", 12)).containsExactly(media.resolve("prompts/default/en/12.wav").toString());
        assertThat(prompts.number(STATION, "sw", 305)).containsExactly(
                media.resolve("prompts/default/sw/3.wav").toString(), media.resolve("prompts/default/sw/0.wav").toString(),
                media.resolve("prompts/default/sw/5.wav").toString());
    }

    @Test
    void aDefaultChangedOnDiskIsPutBackAndAnUnwritableDirectoryIsUsedAsItIs() throws IOException {
        Prompts.install(media);
        Path goodbye = media.resolve("prompts/default/en/goodbye.wav");
        Files.writeString(goodbye, "not a prompt");

        Prompts.install(media);
        assertThat(Files.size(goodbye)).isGreaterThan(1000);

        Path blocked = media.resolve("blocked");
        Files.writeString(blocked, "a file where the directory should be");
        assertThat(Prompts.install(blocked).path(STATION, "en", "goodbye")).startsWith(blocked.toString());
    }
}
