package org.baraza.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The telephony server's face: where it listens, how FreeSWITCH's mod_httapi authenticates to it, and the
 * ZeroMQ hub the station daemons connect to.
 *
 * @param publicUrl      how FreeSWITCH and SMS providers reach the server (behind a proxy, not the bind address)
 * @param requestTimeout how long the server waits for a station's answer before the caller hears the
 *                       fallback: under a second, so no caller waits in silence
 * @param maxRequestBytes the largest request body the server reads (a listener's recorded message is the
 *                       largest: two minutes of 16 kHz WAV are about 4 MB); larger ones are refused
 */
public record ServerConfig(String bindAddress, int port, URI publicUrl, String httapiUser, String httapiPassword,
                           String hubEndpoint, Duration requestTimeout, int maxRequestBytes) {

    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.of("server.bind-address", "127.0.0.1",
            "The address the HTTP server listens on.", Parsers.nonBlank(255));
    public static final ConfigKey<Integer> PORT = ConfigKey.of("server.port", "8080",
            "The HTTP server's port.", Parsers.integer(1, 65535));
    public static final ConfigKey<URI> PUBLIC_URL = ConfigKey.of("server.public-url", "http://127.0.0.1:8080",
            "How FreeSWITCH and SMS providers reach the server (the URL behind any proxy).", Parsers.httpUrl());
    public static final ConfigKey<String> HTTAPI_USER = ConfigKey.of("server.httapi-user", "freeswitch",
            "The user FreeSWITCH's mod_httapi sends (basic auth) with each webhook request.", Parsers.nonBlank(100));
    public static final ConfigKey<String> HTTAPI_PASSWORD = new ConfigKey<>("server.httapi-password", "change-me-httapi",
            "The password mod_httapi sends; the same as baraza_httapi_password in freeswitch-conf's vars-baraza.xml. Change both on any real install.",
            Parsers.nonBlank(200), true);
    public static final ConfigKey<String> HUB_ENDPOINT = ConfigKey.of("server.hub-endpoint", "tcp://127.0.0.1:5570",
            "The ZeroMQ endpoint the server binds and the station daemons connect to.", Parsers.zeroMqEndpoint());
    public static final ConfigKey<Duration> REQUEST_TIMEOUT = ConfigKey.of("server.request-timeout", "800ms",
            "How long a caller's request waits for its station before the fallback plays.",
            Parsers.duration(Duration.ofMillis(100), Duration.ofSeconds(5)));

    public static final ConfigKey<Integer> MAX_REQUEST_BYTES = ConfigKey.of("server.max-request-bytes", "16777216",
            "The largest request body the server reads, in bytes (recorded messages are the largest); larger ones are refused.",
            Parsers.integer(65536, 268435456));

    static final List<ConfigKey<?>> KEYS = List.of(BIND_ADDRESS, PORT, PUBLIC_URL, HTTAPI_USER, HTTAPI_PASSWORD, HUB_ENDPOINT,
            REQUEST_TIMEOUT, MAX_REQUEST_BYTES);

    static ServerConfig from(Settings s) {
        return new ServerConfig(s.get(BIND_ADDRESS), s.get(PORT), s.get(PUBLIC_URL), s.get(HTTAPI_USER),
                s.get(HTTAPI_PASSWORD), s.get(HUB_ENDPOINT), s.get(REQUEST_TIMEOUT), s.get(MAX_REQUEST_BYTES));
    }

    /** The webhook mod_httapi calls. */
    public URI httapiUrl() {
        return publicUrl.resolve("/httapi");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ServerConfig[" + bindAddress + ":" + port + ", public " + publicUrl + ", hub " + hubEndpoint + "]";
    }
}
