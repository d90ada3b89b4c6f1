package org.baraza.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests real FreeSWITCH 1.10.12 mod_httapi made, as recorded in {@code freeswitch-1.10.12/*httapi-requests.log}
 * (copied from ../shared): the request target exactly as sent, to be sent again as it was.
 */
public record RecordedRequests(String file, String method, String target) {

    private static final Pattern REQUEST_LINE = Pattern.compile("^=== (GET|POST) (\\S+)$", Pattern.MULTILINE);

    public static List<RecordedRequests> all() {
        List<RecordedRequests> requests = new ArrayList<>();
        for (String file : List.of("httapi-requests.log", "sip-httapi-requests.log")) {
            Matcher line = REQUEST_LINE.matcher(read(file));
            while (line.find()) {
                requests.add(new RecordedRequests(file, line.group(1), line.group(2)));
            }
        }
        return requests;
    }

    /**
     * The recorded SIP listener's first request (a call to a station number, transferred to the httapi extension,
     * so the number is in Caller-RDNIS), as the query string of a new call {@code session} to {@code number}.
     */
    public static String listenerCalling(UUID session, String number) {
        RecordedRequests sip = all().stream().filter(r -> r.file().startsWith("sip")).findFirst().orElseThrow();
        return sip.query().replace("4a121e94-6a4f-45d1-9f9e-3ea0be1f6176", session.toString())
                .replace("Caller-RDNIS=256700100007", "Caller-RDNIS=" + number);
    }

    /** The query string, as mod_httapi encoded it. */
    public String query() {
        return target.substring(target.indexOf('?') + 1);
    }

    private static String read(String file) {
        try (InputStream in = RecordedRequests.class.getResourceAsStream("/freeswitch-1.10.12/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
