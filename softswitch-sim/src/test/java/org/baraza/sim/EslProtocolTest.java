package org.baraza.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.baraza.sim.testing.EslFrame;
import org.baraza.sim.testing.RawEslClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event socket's own commands over a plain socket, with mod_event_socket's framing and reply texts. */
class EslProtocolTest {
    private final Softswitch sim = SimFixture.realTime();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void greetsWithAuthRequestAndAcceptsTheRightPassword() throws IOException {
        try (RawEslClient c = RawEslClient.connect(sim.eslAddress())) {
            EslFrame greeting = c.next();
            assertThat(greeting.headers()).containsExactly(java.util.Map.entry("Content-Type", "auth/request"));
            EslFrame reply = c.command("auth ClueCon");
            assertThat(reply.headerNames()).containsExactly("Content-Type", "Reply-Text");
            assertThat(reply.replyText()).isEqualTo("+OK accepted");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheConnectionClosedWithFreeswitchsGoodbye() throws IOException {
        try (RawEslClient c = RawEslClient.connect(sim.eslAddress())) {
            c.next();
            assertThat(c.command("auth wrong").replyText()).isEqualTo("-ERR invalid");
            EslFrame goodbye = c.next();
            assertThat(goodbye.contentType()).isEqualTo("text/disconnect-notice");
            assertThat(goodbye.body()).isEqualTo("Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void nothingButAuthWorksBeforeLoggingIn() throws IOException {
        try (RawEslClient c = RawEslClient.connect(sim.eslAddress())) {
            c.next();
            assertThat(c.command("api status").replyText()).isEqualTo("-ERR command not found");
            assertThat(c.command("auth ClueCon").replyText()).isEqualTo("+OK accepted");
        }
    }

    @Test
    void exitSaysByeThenGoodbyeAndCloses() throws IOException {
        try (RawEslClient c = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            assertThat(c.command("exit").replyText()).isEqualTo("+OK bye");
            assertThat(c.next().contentType()).isEqualTo("text/disconnect-notice");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void answersEventSocketCommandsWithFreeswitchsTexts() throws IOException {
        try (RawEslClient c = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            assertThat(c.command("event plain ALL").replyText()).isEqualTo("+OK event listener enabled plain");
            assertThat(c.command("event json CHANNEL_ANSWER").replyText()).isEqualTo("+OK event listener enabled json");
            assertThat(c.command("event plain NOT_AN_EVENT").replyText()).isEqualTo("-ERR no keywords supplied");
            assertThat(c.command("nixevent CHANNEL_ANSWER").replyText()).isEqualTo("+OK events nixed");
            assertThat(c.command("filter Unique-ID abc").replyText()).isEqualTo("+OK filter added. [Unique-ID]=[abc]");
            assertThat(c.command("filter delete Unique-ID abc").replyText())
                    .isEqualTo("+OK filter deleted. [Unique-ID][abc]");
            assertThat(c.command("filter Unique-ID").replyText()).isEqualTo("-ERR invalid syntax");
            assertThat(c.command("noevents").replyText()).isEqualTo("+OK no longer listening for events");
            assertThat(c.command("noevents").replyText()).isEqualTo("-ERR not listening for events");
            assertThat(c.command("linger").replyText()).isEqualTo("-ERR not controlling a session");
            assertThat(c.command("frobnicate").replyText()).isEqualTo("-ERR command not found");
        }
    }

    @Test
    void anUnknownApiCommandIsNotFound() throws IOException {
        try (RawEslClient c = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            EslFrame response = c.apiFrame("frobnicate now");
            assertThat(response.headerNames()).containsExactly("Content-Type", "Content-Length");
            assertThat(response.body()).isEqualTo("-ERR frobnicate Command not found!\n");
        }
    }

    @Test
    void bgapiAnswersAJobUuidAndFiresTheResultAsABackgroundJob() throws IOException {
        try (RawEslClient c = RawEslClient.login(sim.eslAddress(), "ClueCon")) {
            c.command("event plain BACKGROUND_JOB");
            c.sendRaw("bgapi status\n\n");
            EslFrame accepted = c.nextMatching(f -> "command/reply".equals(f.contentType()));
            assertThat(accepted.headerNames()).containsExactly("Content-Type", "Reply-Text", "Job-UUID");
            String job = accepted.header("Job-UUID");
            assertThat(accepted.replyText()).isEqualTo("+OK Job-UUID: " + job);
            var event = c.nextMatching(EslFrame::isEvent).event();
            assertThat(event.name()).isEqualTo("BACKGROUND_JOB");
            assertThat(event.header("Job-UUID")).isEqualTo(job);
            assertThat(event.header("Job-Command")).isEqualTo("status");
            assertThat(event.body()).startsWith("UP 0 years, 0 days");
        }
    }
}
