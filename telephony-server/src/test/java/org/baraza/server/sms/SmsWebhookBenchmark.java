package org.baraza.server.sms;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.baraza.core.PhoneNumber;
import org.baraza.core.db.Stores;
import org.baraza.core.station.Station;
import org.baraza.core.testing.Fixtures;
import org.baraza.core.testing.TestPostgres;
import org.baraza.server.TelephonyServer;

/**
 * The inbound SMS webhook under load (not a test): {@code clients} threads each post Twilio's signed form for a new
 * text as soon as the last is answered, for a warm-up and then a measured time, against the whole server on an
 * embedded PostgreSQL. Each request is the signature check, the strict form reading, the station's lookup, the
 * store (once per MessageSid) and the router (a text that is no keyword, with nothing on air: the cheapest route);
 * then every tenth text is sent again, a retry, which is answered from the dedupe. Prints the latency histogram,
 * from send to the whole answer read, and the rate.
 *
 * <p>{@code bin/mvn -B -q -pl telephony-server -am -Pbenchmark -DskipTests verify}
 */
public final class SmsWebhookBenchmark {

    private SmsWebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("clients", 8);
        long warmup = Long.getLong("warmup.seconds", 10) * 1_000_000_000L;
        long measure = Long.getLong("measure.seconds", 30) * 1_000_000_000L;
        Stores stores = Stores.on(TestPostgres.shared().createDatabase().jdbi());
        Fixtures fixtures = new Fixtures(stores);
        Station station = fixtures.station(fixtures.network());
        PhoneNumber number = Fixtures.uniquePhoneNumber();
        stores.stations().addNumber(station.id(), number, true, true, "SMS");
        Path directory = Files.createTempDirectory("sms-benchmark");
        try (TelephonyServer server = SmsServer.start(directory, stores, Clock.systemUTC(), "twilio")) {
            TwilioWebhook twilio = new TwilioWebhook(server.httpPort(), SmsServer.PUBLIC_URL, SmsServer.AUTH_TOKEN);
            Recorder fresh = new Recorder(3);
            Recorder retried = new Recorder(3);
            AtomicLong sequence = new AtomicLong();
            AtomicLong failures = new AtomicLong();
            long start = System.nanoTime();
            long measureFrom = start + warmup;
            long stop = measureFrom + measure;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofPlatform().name("sms-bench-" + c).start(() -> {
                    while (System.nanoTime() < stop) {
                        long n = sequence.incrementAndGet();
                        Map<String, String> text = text("SM" + String.format("%032x", n), number, n);
                        send(twilio, text, fresh, failures);
                        if (n % 10 == 0) {
                            send(twilio, text, retried, failures);
                        }
                    }
                }));
            }
            Thread.sleep((measureFrom - System.nanoTime()) / 1_000_000);
            fresh.getIntervalHistogram();
            retried.getIntervalHistogram();
            long firstMeasured = sequence.get();
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - measureFrom) / 1e9;
            Histogram stored = fresh.getIntervalHistogram();
            Histogram deduped = retried.getIntervalHistogram();
            System.out.printf("SMS webhook benchmark: %d clients, %.0f s measured, %d failures%n", clients, seconds, failures.get());
            System.out.printf("new texts stored: %d (%.0f/s); retries: %d; texts before measuring: %d%n",
                    stored.getTotalCount(), stored.getTotalCount() / seconds, deduped.getTotalCount(), firstMeasured);
            print("new text (check, store, route)", stored);
            print("retried text (check, dedupe)", deduped);
        }
    }

    private static void send(TwilioWebhook twilio, Map<String, String> text, Recorder into, AtomicLong failures) {
        long from = System.nanoTime();
        HttpResponse<String> response = twilio.post("/sms/twilio/inbound", text);
        long took = System.nanoTime() - from;
        if (response.statusCode() == 200) {
            into.recordValue(took / 1000);
        } else if (failures.incrementAndGet() == 1) {
            System.err.println("first failure: " + response.statusCode() + " " + response.body());
        }
    }

    private static Map<String, String> text(String sid, PhoneNumber to, long n) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("MessageSid", sid);
        fields.put("SmsSid", sid);
        fields.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        fields.put("From", "+2567" + String.format("%08d", n % 100_000_000));
        fields.put("To", to.value());
        fields.put("Body", "Greetings to everyone listening in Gulu, from text number " + n);
        fields.put("NumMedia", "0");
        fields.put("NumSegments", "1");
        fields.put("ApiVersion", "2010-04-01");
        return fields;
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%-32s p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", what,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
