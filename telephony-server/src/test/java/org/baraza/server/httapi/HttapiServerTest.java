package org.baraza.server.httapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.baraza.core.hub.CallDocument;
import org.baraza.server.calls.InboundRequest;
import org.baraza.server.testing.RecordedRequests;
import org.baraza.server.testing.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook over real HTTP, with a fake handler: what mod_httapi sends gets through; nothing else does. */
class HttapiServerTest {

    private static final long MAX_BYTES = 64 * 1024;
    private static final CallDocument PLAY = CallDocument.of(Map.of("station", "7"),
            new CallDocument.Play(List.of("/var/lib/baraza/media/hello.wav")));
    private static final String SESSION = "eccabc8d-0e62-4888-b748-42fc23c88468";

    @TempDir
    Path uploads;

    private final List<InboundRequest> handled = new CopyOnWriteArrayList<>();
    private volatile CallHandler behaviour = request -> CompletableFuture.completedFuture(PLAY);
    private HttapiServer server;
    private Webhook webhook;

    @BeforeEach
    void start() {
        var settings = new HttapiServer.Settings("127.0.0.1", 0, Webhook.USER, Webhook.PASSWORD, MAX_BYTES,
                Duration.ofMillis(500), uploads);
        server = HttapiServer.start(settings, request -> {
            handled.add(request);
            return behaviour.handle(request);
        }, () -> "stations with a daemon: 0");
        webhook = new Webhook(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRecordedRequestOfRealFreeSwitchIsAnsweredWithTheHandlersDocument() {
        List<RecordedRequests> recorded = RecordedRequests.all();
        assertThat(recorded).hasSize(6);

        for (RecordedRequests request : recorded) {
            HttpResponse<String> response = webhook.get(request.target());

            assertThat(response.statusCode()).as(request.target()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("text/xml");
            assertThat(response.body()).isEqualTo(HttapiXml.render(PLAY));
        }
        assertThat(handled).hasSize(6);
    }

    @Test
    void theHandlerGetsTheSessionAndEveryFieldDecoded() {
        RecordedRequests sip = RecordedRequests.all().get(4);

        webhook.get(sip.target());

        InboundRequest request = handled.getFirst();
        assertThat(request.session()).isEqualTo(UUID.fromString("4a121e94-6a4f-45d1-9f9e-3ea0be1f6176"));
        assertThat(request.fields()).hasSize(sip.query().split("&").length)
                .containsEntry("url", "http://127.0.0.1:18080/httapi")
                .containsEntry("Caller-Channel-Name", "sofia/external/sipp@127.0.0.1:5095")
                .containsEntry("Caller-RDNIS", "256700100007")
                .containsEntry("Caller-Transfer-Source", "1795298654:0deaa0fe-f76b-4a7e-9260-30d985e84d1f:bl_xfer:9103/default/XML")
                .containsEntry("choice", "invalid")
                .containsEntry("station", "7");
        assertThat(request.recording()).isEmpty();
    }

    @Test
    void percentEncodedUtf8IsDecodedAsFreeSwitchEncodesIt() {
        webhook.get("/httapi?session_id=" + SESSION + "&Caller-Caller-ID-Name=Nakato%20%C3%91ansubuga%2B1&empty=");

        assertThat(handled.getFirst().fields()).containsEntry("Caller-Caller-ID-Name", "Nakato Ñansubuga+1")
                .containsEntry("empty", "");
    }

    @Test
    void aUrlEncodedPostGivesTheSameRequestAsTheGet() {
        RecordedRequests first = RecordedRequests.all().getFirst();
        webhook.get(first.target());

        HttpResponse<String> response = webhook.postForm("/httapi", first.query());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handled.get(1)).isEqualTo(handled.get(0));
        assertThat(handled.get(1).fields()).containsEntry("Caller-Callee-ID-Name", "Outbound Call");
    }

    @Test
    void aMultipartPostHandsOverItsRecordingInAFileThatIsRemovedOnceHandled() {
        byte[] wav = new byte[20_000];
        Arrays.fill(wav, (byte) 7);
        List<byte[]> received = new CopyOnWriteArrayList<>();
        behaviour = request -> {
            received.add(read(request.recording().orElseThrow()));
            return CompletableFuture.completedFuture(PLAY);
        };

        HttpResponse<String> response = webhook.postMultipart("/httapi", fields(), "message", wav);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(received.getFirst()).isEqualTo(wav);
        InboundRequest request = handled.getFirst();
        assertThat(request.session()).isEqualTo(UUID.fromString(SESSION));
        assertThat(request.fields()).containsEntry("exiting", "true").containsEntry("Caller-Destination-Number", "9103")
                .containsEntry("Caller-Caller-ID-Name", "Nakato Ñansubuga")
                .doesNotContainKey("message");
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(request.recording().orElseThrow()));
    }

    @Test
    void aMultipartPostWithoutAFileIsAFormLikeAnyOther() {
        HttpResponse<String> response = webhook.postMultipart("/httapi", fields(), null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(handled.getFirst().recording()).isEmpty();
        assertThat(handled.getFirst().fields()).containsEntry("exiting", "true");
    }

    @Test
    void noCredentialsAre401WithAChallengeAndReachNoHandler() {
        HttpResponse<String> response = webhook.send(webhook.anonymous(RecordedRequests.all().getFirst().target()).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic realm=");
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void aWrongPasswordOrUserIs401() {
        String target = RecordedRequests.all().getFirst().target();
        for (String authorization : List.of(Webhook.basic(Webhook.USER, "wrong"), Webhook.basic("root", Webhook.PASSWORD),
                Webhook.basic(Webhook.USER, Webhook.PASSWORD + "x"), "Basic !!not-base64!!", "Bearer abc")) {
            HttpResponse<String> response = webhook.send(webhook.anonymous(target).header("Authorization", authorization).GET());

            assertThat(response.statusCode()).as(authorization).isEqualTo(401);
        }
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void aBodyLargerThanTheLimitIs413BeforeItIsRead() {
        byte[] body = new byte[(int) MAX_BYTES * 4];

        HttpResponse<String> response = webhook.send(webhook.request("/httapi").expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=" + Webhook.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() {
        byte[] wav = new byte[(int) MAX_BYTES * 2];
        byte[] body = Webhook.multipart(fields(), "message", wav);

        HttpResponse<String> response = webhook.send(webhook.request("/httapi")
                .header("Content-Type", "multipart/form-data; boundary=" + Webhook.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void aSessionIdThatIsMissingOrNotAUuidIs400WithTheReason() {
        HttpResponse<String> missing = webhook.get("/httapi?Caller-Destination-Number=9103");
        HttpResponse<String> malformed = webhook.get("/httapi?session_id=eccabc8d-0e62-4888&exiting=true");
        HttpResponse<String> lenient = webhook.get("/httapi?session_id=1-2-3-4-5");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("session_id is missing");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("session_id is not a UUID");
        assertThat(lenient.statusCode()).isEqualTo(400);
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void aGarbageFormIs400() {
        for (String garbage : List.of("session_id=" + SESSION + "&choice=%zz", "session_id=" + SESSION + "&%",
                "session_id=" + SESSION + "&name=\u00ff\u0001", "session_id=" + SESSION + "&=nameless",
                "session_id=" + SESSION + "&bad=%00", "session_id=" + SESSION + "&x=%C3%28")) {
            HttpResponse<String> response = webhook.postForm("/httapi", garbage);

            assertThat(response.statusCode()).as(garbage).isEqualTo(400);
        }
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void tooManyOrTooLongFieldsAre400() {
        StringBuilder many = new StringBuilder("session_id=" + SESSION);
        for (int i = 0; i < RequestFields.MAX_FIELDS; i++) {
            many.append("&f").append(i).append('=').append(i);
        }
        String longValue = "session_id=" + SESSION + "&bz_x=" + "a".repeat(RequestFields.MAX_VALUE + 1);

        assertThat(webhook.postForm("/httapi", many.toString()).body()).contains("more than");
        assertThat(webhook.postForm("/httapi", longValue).statusCode()).isEqualTo(400);
        assertThat(handled).isEmpty();
        assertStillServes();
    }

    @Test
    void aBodyOfAnotherTypeIs415() {
        HttpResponse<String> response = webhook.send(webhook.request("/httapi").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session_id\":\"" + SESSION + "\"}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertStillServes();
    }

    @Test
    void twoFilesInOneRequestAre400() {
        byte[] one = Webhook.multipart(fields(), "message", new byte[10]);
        String twice = new String(one, java.nio.charset.StandardCharsets.ISO_8859_1).replace("--" + Webhook.BOUNDARY + "--\r\n", "")
                + new String(Webhook.multipart(Map.of(), "other", new byte[10]), java.nio.charset.StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = webhook.send(webhook.request("/httapi")
                .header("Content-Type", "multipart/form-data; boundary=" + Webhook.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(twice.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("one recording");
        assertStillServes();
    }

    @Test
    void aBrokenMultipartBodyIs400() {
        HttpResponse<String> response = webhook.send(webhook.request("/httapi")
                .header("Content-Type", "multipart/form-data; boundary=" + Webhook.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString("this is not multipart at all")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertStillServes();
    }

    @Test
    void otherMethodsAre405() {
        String target = RecordedRequests.all().getFirst().target();

        assertThat(webhook.send(webhook.request(target).PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
        assertThat(webhook.send(webhook.request(target).DELETE()).statusCode()).isEqualTo(405);
        assertStillServes();
    }

    @Test
    void aFailingHandlerEndsTheCallWithADocumentRatherThanAnErrorStatus() {
        behaviour = request -> CompletableFuture.failedFuture(new IllegalStateException("the database is down"));

        assertThat(webhook.get(RecordedRequests.all().getFirst().target()).body()).isEqualTo(HttapiXml.render(HttapiServer.FAILED));
        behaviour = request -> {
            throw new IllegalStateException("thrown, not returned");
        };
        HttpResponse<String> thrown = webhook.get(RecordedRequests.all().getFirst().target());

        assertThat(thrown.statusCode()).isEqualTo(200);
        assertThat(thrown.body()).isEqualTo("<document type=\"text/freeswitch-httapi\"><work>"
                + "<hangup cause=\"NORMAL_TEMPORARY_FAILURE\"/></work></document>");
    }

    @Test
    void aHandlerThatNeverAnswersEndsTheCallWhenItsTimeIsUp() {
        behaviour = request -> new CompletableFuture<>();

        HttpResponse<String> response = webhook.get(RecordedRequests.all().getFirst().target());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HttapiXml.render(HttapiServer.FAILED));
    }

    @Test
    void aDocumentThatCannotBeRenderedEndsTheCall() {
        behaviour = request -> CompletableFuture.completedFuture(CallDocument.of(Map.of(),
                new CallDocument.Join("studio@elsewhere", "radio", java.util.Set.of())));

        assertThat(webhook.get(RecordedRequests.all().getFirst().target()).body()).isEqualTo(HttapiXml.render(HttapiServer.FAILED));
    }

    @Test
    void healthIsOkWithoutCredentials() {
        HttpResponse<String> response = webhook.send(webhook.anonymous("/health").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("ok\n").contains("stations with a daemon: 0");
    }

    private void assertStillServes() {
        int before = handled.size();
        HttpResponse<String> response = webhook.get(RecordedRequests.all().getFirst().target());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HttapiXml.render(PLAY));
        assertThat(handled).hasSize(before + 1);
    }

    /** The fields of the recorded call's last request, as a multipart POST carries them. */
    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("session_id", SESSION);
        fields.put("hostname", "vm");
        fields.put("Caller-Caller-ID-Name", "Nakato Ñansubuga");
        fields.put("Caller-Caller-ID-Number", "256700000099");
        fields.put("Caller-Destination-Number", "9103");
        fields.put("station", "7");
        fields.put("exiting", "true");
        return fields;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
