package org.baraza.server.httapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.baraza.core.hub.CallDocument;
import org.baraza.server.calls.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;

/**
 * The telephony server's HTTP face for FreeSWITCH: {@code /httapi}, the webhook mod_httapi calls for every step
 * of a caller's call, and {@code /health}. Each httapi request is checked (basic auth, size, fields, session id),
 * handed to the {@link CallHandler} on a virtual thread of its own, and answered with the document it decides,
 * rendered by {@link HttapiXml}.
 *
 * <p>The endpoint's contract:
 * <ul>
 *   <li>{@code GET /httapi} with the fields in the query string (mod_httapi's default), {@code POST /httapi}
 *       with a URL-encoded or multipart form (a recording upload): 200 {@code text/xml}, the call's document;</li>
 *   <li>401 with {@code WWW-Authenticate} for missing or wrong credentials; 413 for a body over
 *       {@link Settings#maxRequestBytes} (refused from its Content-Length, before it is read, or as soon as a
 *       body without one passes the limit; on the paths of {@link Settings#largeBodies}, over their own limit); 415 for a body that is not a form; 400, with a one-line reason,
 *       for a missing or malformed {@code session_id}, a broken form, too many or too long fields; 405 for
 *       other methods;</li>
 *   <li>when the handler fails or does not answer within {@link Settings#answerWithin}: 200 with
 *       {@code <hangup cause="NORMAL_TEMPORARY_FAILURE"/>}. mod_httapi ends its session on any other status
 *       and leaves the call to the dialplan; answering the hang-up ourselves ends the call the same way, with a
 *       cause the caller's network announces, without relying on the dialplan's next action, and without
 *       answering (which would cost the caller);</li>
 *   <li>{@code GET /health}: 200 {@code text/plain}, "ok" and a line from the health supplier; no auth.</li>
 * </ul>
 *
 * <p>Lives from {@link #start} to {@link #close}; thread-safe.
 */
public final class HttapiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttapiServer.class);
    /** What a caller's call does when Baraza cannot decide: end, as the dialplan would after an error status. */
    static final CallDocument FAILED = CallDocument.of(Map.of(), new CallDocument.Hangup("NORMAL_TEMPORARY_FAILURE"));
    /** Parts of a recording held in memory before Jetty spills them to the upload directory. */
    private static final int IN_MEMORY_BYTES = 64 * 1024;

    /**
     * @param bindAddress     the address to listen on
     * @param port            the port; 0 takes any free one ({@link #port()} says which)
     * @param user            the basic-auth user mod_httapi sends (server.httapi-user)
     * @param password        its password (server.httapi-password)
     * @param maxRequestBytes the largest request body read (server.max-request-bytes)
     * @param answerWithin    how long a request may wait for the handler before the call is ended
     * @param uploads         where uploaded recordings are kept until the handler moves them; best on the
     *                        recordings' file system, so that the move is a rename
     * @param largeBodies     the paths allowed larger bodies than maxRequestBytes (the console's media uploads), or
     *                        null for none
     */
    public record Settings(String bindAddress, int port, String user, String password, long maxRequestBytes,
                           Duration answerWithin, Path uploads, LargeBodies largeBodies) {

        /** Every request held to {@code maxRequestBytes}. */
        public Settings(String bindAddress, int port, String user, String password, long maxRequestBytes,
                        Duration answerWithin, Path uploads) {
            this(bindAddress, port, user, password, maxRequestBytes, answerWithin, uploads, null);
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "HttapiServer.Settings[" + bindAddress + ":" + port + ", user " + user + ", max " + maxRequestBytes
                    + " bytes" + (largeBodies == null ? "" : " (" + largeBodies.maxBytes() + " on " + largeBodies.paths() + ")")
                    + ", answer within " + answerWithin + ", uploads " + uploads + "]";
        }
    }

    /**
     * Requests whose path matches {@code paths} (the whole path) may send bodies of up to {@code maxBytes}; the
     * route reads them under limits of its own.
     */
    public record LargeBodies(Pattern paths, long maxBytes) {
    }

    private final Settings settings;
    private final CallHandler calls;
    private final Supplier<String> health;
    private final Consumer<JavalinConfig> moreRoutes;
    private final BasicAuth auth;
    private final RequestReader reader;
    private final ExecutorService callThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("httapi-call-", 1).factory());
    private final Javalin app;

    private HttapiServer(Settings settings, CallHandler calls, Supplier<String> health, Consumer<JavalinConfig> moreRoutes) {
        this.settings = settings;
        this.calls = calls;
        this.health = health;
        this.moreRoutes = moreRoutes;
        this.auth = new BasicAuth(settings.user(), settings.password());
        this.reader = new RequestReader(settings.uploads());
        this.app = Javalin.create(this::configure);
    }

    /**
     * Starts listening.
     *
     * @param health one line on how the server is (e.g. the stations some daemon runs), shown by /health
     * @throws IllegalStateException when the upload directory cannot be made or the address is taken
     */
    public static HttapiServer start(Settings settings, CallHandler calls, Supplier<String> health) {
        return start(settings, calls, health, config -> {
        });
    }

    /**
     * Starts listening, with other routes of the server beside httapi's (the SMS webhooks), added by
     * {@code moreRoutes} to the configuration with their own checks.
     */
    public static HttapiServer start(Settings settings, CallHandler calls, Supplier<String> health,
                                     Consumer<JavalinConfig> moreRoutes) {
        try {
            Files.createDirectories(settings.uploads());
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the upload directory " + settings.uploads() + ": " + e.getMessage(), e);
        }
        HttapiServer server = new HttapiServer(settings, calls, health, moreRoutes);
        try {
            server.app.start();
        } catch (RuntimeException e) {
            server.callThreads.shutdownNow();
            throw new IllegalStateException("cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("httapi listening on {}:{}", settings.bindAddress(), server.port());
        return server;
    }

    /** The port it listens on (the one it took, when started with 0). */
    public int port() {
        return app.port();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.bindAddress();
        config.jetty.port = settings.port();
        config.concurrency.useVirtualThreads = true;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxRequestBytes();
        config.jetty.multipartConfig.cacheDirectory(settings.uploads().toString());
        config.jetty.multipartConfig.maxFileSize(settings.maxRequestBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(settings.maxRequestBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(IN_MEMORY_BYTES, SizeUnit.BYTES);
        // Refuses a body over the limit from its Content-Length before reading any of it, and one without a
        // Content-Length as soon as it passes the limit: nothing reads more than max-request-bytes, but for the
        // paths of large bodies, which are held to their own limit.
        config.jetty.modifyServer(server -> server.insertHandler(new RequestSizeLimits(settings.maxRequestBytes(),
                settings.largeBodies())));
        config.jetty.modifyServletContextHandler(context -> {
            context.setMaxFormKeys(RequestFields.MAX_FIELDS);
            context.setMaxFormContentSize(RequestReader.MAX_FORM_BYTES);
        });
        config.routes.before("/httapi", this::authenticate);
        config.routes.get("/httapi", this::httapi);
        config.routes.post("/httapi", this::httapi);
        moreRoutes.accept(config);
        config.routes.get("/health", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok\n" + health.get() + "\n"));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, e.getStatus(), e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            refuse(ctx, 500, "the server failed; see its log");
        });
    }

    /** mod_httapi's credentials, checked before any route reads the request. */
    private void authenticate(Context ctx) {
        if (!auth.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", BasicAuth.CHALLENGE);
            throw new UnauthorizedResponse("httapi credentials are missing or wrong");
        }
    }

    private void httapi(Context ctx) {
        InboundRequest request = reader.read(ctx);
        ctx.future(() -> answer(request).thenAccept(document -> ctx.status(200).contentType(HttapiXml.CONTENT_TYPE).result(document)));
    }

    /** The handler's document, or {@link #FAILED} when it fails, cannot be rendered or takes too long. */
    private CompletableFuture<String> answer(InboundRequest request) {
        CompletableFuture<CallDocument> handled = CompletableFuture.supplyAsync(() -> calls.handle(request), callThreads)
                .thenCompose(document -> document);
        // The upload is the handler's to move; what it left behind goes once it is done with it.
        request.recording().ifPresent(file -> handled.whenComplete((document, failure) -> delete(file)));
        // Rendered and written on a thread of ours: the handler's answer may complete on the hub's socket thread,
        // a timeout on the JDK's timer thread, and neither may wait on a caller's HTTP connection.
        return handled.copy()
                .orTimeout(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((document, failure) -> {
                    if (failure == null) {
                        return render(request, document);
                    }
                    if (unwrap(failure) instanceof TimeoutException) {
                        // One line, not a stack trace: under overload there is one per call. What the handler does
                        // after this is logged when it ends, since no caller hears it any more.
                        LOG.warn("call {}: no document within {} ms; the call is ended", request.session(),
                                settings.answerWithin().toMillis());
                        handled.whenComplete((late, lateFailure) -> {
                            if (lateFailure != null) {
                                LOG.error("call {}: after the call was ended, its handling failed: {}", request.session(),
                                        describe(lateFailure));
                            }
                        });
                        return HttapiXml.render(FAILED);
                    }
                    return failed(request, failure);
                }, callThreads);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String render(InboundRequest request, CallDocument document) {
        try {
            return HttapiXml.render(document);
        } catch (IllegalArgumentException e) {
            return failed(request, e);
        }
    }

    private static String failed(InboundRequest request, Throwable failure) {
        LOG.error("call {}: no document; the call is ended", request.session(), failure);
        return HttapiXml.render(FAILED);
    }

    private static void refuse(Context ctx, int status, String reason) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(reason + "\n");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot remove the upload {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        app.stop();
        callThreads.shutdownNow();
    }
}
