package org.baraza.server.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.baraza.core.DomainException;
import org.baraza.core.config.BarazaConfig;
import org.baraza.core.db.Stores;
import org.baraza.server.auth.Access;
import org.baraza.server.auth.AccessDenied;
import org.baraza.server.auth.Authenticator;
import org.baraza.server.auth.Principal;
import org.baraza.server.auth.SessionCookie;
import org.baraza.server.auth.Sessions;
import org.baraza.server.live.LiveBoard;
import org.baraza.server.media.MediaLibrary;
import org.baraza.server.media.SoxConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;

/**
 * The console's REST API: builds the route table and registers it on the server's Javalin configuration, behind
 * the {@link Authenticator} ({@code before /api/*}) and {@link Access} (each route's permission on what it
 * touches). Answers and refusals are rendered here and nowhere else: JSON {@code {"error": "..."}} with 400 for
 * bad input, 401/403/404/429 for access, 404/409/409/400/409 for the domain's NotFound, AlreadyExists, InUse,
 * Invalid and Conflict.
 *
 * <p>Built once by the composition root; thread-safe.
 */
public final class ConsoleApi {

    static final String PREFIX = "/api";

    /** The longest one sox run may take on an upload. */
    private static final Duration CONVERSION_TIMEOUT = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);

    private final ObjectMapper json = ApiJson.mapper();
    private final Authenticator authenticator;
    private final MediaUploads uploads;
    private final List<ApiRoute> routes;
    private final Clock clock;

    public ConsoleApi(BarazaConfig config, Stores stores, LiveBoard board, Clock clock) {
        this.clock = clock;
        SessionCookie cookie = SessionCookie.forPublicUrl(config.server().publicUrl());
        this.authenticator = new Authenticator(stores, config.console(), cookie, clock);
        Sessions sessions = new Sessions(stores, config.console(), cookie, authenticator, clock);
        Locate locate = new Locate(stores);
        Audit audit = new Audit(stores, json);
        MediaLibrary library = mediaLibrary(config, stores);
        this.uploads = new MediaUploads(library, audit, config.console().mediaMaxBytes());
        this.routes = Stream.of(
                        new SessionRoutes(sessions, stores, locate, audit).routes(),
                        new StationRoutes(stores, locate, audit).routes(),
                        new LiveRoutes(stores, locate, board).routes(),
                        new ScheduleRoutes(stores, locate, audit).routes(),
                        new CalendarRoutes(stores, locate).routes(),
                        new AiringRoutes(stores, locate).routes(),
                        new CallRoutes(stores, locate).routes(),
                        new RecordingRoutes(stores, locate, audit, config.freeSwitch().recordingsDir(), library).routes(),
                        new CallerRoutes(stores, locate, audit).routes(),
                        new HostRoutes(stores, locate, audit).routes(),
                        new SmsRoutes(stores, locate, audit, config.sms()).routes(),
                        new PollRoutes(stores, locate, audit).routes(),
                        new ProgramRoutes(stores, locate, audit).routes(),
                        new MediaRoutes(stores, locate, audit, uploads).routes(),
                        new UserRoutes(stores, locate, audit).routes(),
                        new AuditRoutes(stores, locate).routes(),
                        new DescriptionRoutes(locate).routes())
                .flatMap(List::stream)
                .toList();
    }

    /**
     * The paths media uploads are posted to: the server lets their bodies be as large as console.media-max-bytes,
     * not just server.max-request-bytes.
     */
    public static Pattern mediaUploadPaths() {
        return MediaUploads.PATHS;
    }

    /** The media library, for uploads and for listeners' messages approved into a playlist. */
    private static MediaLibrary mediaLibrary(BarazaConfig config, Stores stores) {
        SoxConverter sox = new SoxConverter("sox", config.console().mediaSampleRateHz(), CONVERSION_TIMEOUT,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        sox.version().ifPresentOrElse(version -> LOG.info("media uploads converted with {}", version),
                () -> LOG.warn("sox does not run here: media uploads will be refused (apt-get install sox libsox-fmt-mp3)"));
        return new MediaLibrary(stores.media(), config.freeSwitch().mediaDir(), sox);
    }

    /** Every route of the API, in registration order. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /** Registers the API on the server: for {@code HttapiServer.start}'s further routes. */
    public void register(JavalinConfig config) {
        config.jsonMapper(new JavalinJackson(json, true));
        config.routes.before(PREFIX + "/media", uploads::prepare);
        config.routes.before(PREFIX + "/stations/{station}/media", uploads::prepare);
        config.routes.before(PREFIX + "/*", authenticator::authenticate);
        for (ApiRoute route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> dispatch(route, ctx));
        }
        config.routes.exception(AccessDenied.class, (e, ctx) -> {
            if (e.status() == 429) {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            refuse(ctx, e.status(), e.getMessage());
        });
        config.routes.exception(ApiProblem.class, (e, ctx) -> refuse(ctx, e.status(), e.getMessage()));
        config.routes.exception(DomainException.class, (e, ctx) -> refuse(ctx, status(e), e.getMessage()));
    }

    private void dispatch(ApiRoute route, Context ctx) {
        Principal principal = Authenticator.principalOf(ctx);
        ApiRequest request = new ApiRequest(ctx, principal, json, clock);
        // Signed in first: who is not signed in learns nothing, not even whether an id exists.
        Access.requireSignedIn(principal, route.permission());
        Access.check(principal, route.permission(), route.locator().locate(request));
        render(ctx, route.action().handle(request));
    }

    private static void render(Context ctx, Reply reply) {
        switch (reply) {
            case Reply.Json(int status, Object body) -> ctx.status(status).json(body);
            case Reply.NoContent() -> ctx.status(204);
            case Reply.Download(String contentType, String fileName, String body) -> {
                ctx.status(200).contentType(contentType).result(body);
                if (fileName != null) {
                    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
                }
            }
            case Reply.Events(LiveBoard board, Set<Long> stations) -> LiveRoutes.stream(ctx, board, stations);
            case Reply.File(String contentType, Path path) -> {
                try {
                    // With its length and byte ranges: a browser's player shows the length and seeks only so; a
                    // WAV streamed without them plays as a live stream of unknown length.
                    ctx.status(200).writeSeekableStream(Files.newInputStream(path), contentType, Files.size(path));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            }
        }
    }

    private static void refuse(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "refused" : message));
    }

    static int status(DomainException e) {
        return switch (e) {
            case DomainException.NotFound notFound -> 404;
            case DomainException.AlreadyExists exists -> 409;
            case DomainException.InUse inUse -> 409;
            case DomainException.Invalid invalid -> 400;
            case DomainException.Conflict conflict -> 409;
        };
    }
}
