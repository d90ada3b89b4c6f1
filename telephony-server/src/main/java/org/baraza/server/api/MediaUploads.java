package org.baraza.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.baraza.core.Ids.StationId;
import org.baraza.core.media.AudioFormat;
import org.baraza.core.media.MediaAsset;
import org.baraza.core.media.MediaKind;
import org.baraza.server.internal.Multipart;
import org.baraza.server.media.MediaLibrary;
import org.baraza.server.media.SoxConverter;
import org.baraza.server.media.SoxConverter.InputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

/**
 * Uploads to the media library, posted as {@code multipart/form-data} to a station's media or the network's: a
 * WAV or MP3 file in the field {@code file}, a {@code title} (the file's name when there is none), optionally a
 * {@code kind} (recording when there is none) and a {@code language}. The {@link MediaLibrary} converts and stores
 * it, all or nothing; the answer is the new asset (201), or a refusal naming the problem: 400 for a form or file
 * that is not right (with what sox said), 409 for audio the network has already (naming it), 413 for a file over
 * console.media-max-bytes, 415 for a file that is neither WAV nor MP3, 503 when sox cannot run here. Also a media
 * file's audio, for the console's player.
 *
 * <p>Stateless apart from the library; thread-safe.
 */
final class MediaUploads {

    /** The paths uploads are posted to: the larger body limit holds there. */
    static final Pattern PATHS = Pattern.compile("/api(/stations/[^/]+)?/media");
    private static final Logger LOG = LoggerFactory.getLogger(MediaUploads.class);
    /** The request attribute Jetty reads a request's multipart limits from (Javalin sets its defaults there). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final int IN_MEMORY_BYTES = 64 * 1024;
    private static final Map<String, InputFormat> BY_EXTENSION = Map.of("wav", InputFormat.WAV, "wave", InputFormat.WAV,
            "mp3", InputFormat.MP3);
    private static final Map<String, InputFormat> BY_CONTENT_TYPE = Map.of("audio/wav", InputFormat.WAV,
            "audio/x-wav", InputFormat.WAV, "audio/wave", InputFormat.WAV, "audio/vnd.wave", InputFormat.WAV,
            "audio/mpeg", InputFormat.MP3, "audio/mp3", InputFormat.MP3);

    private final MediaLibrary library;
    private final Audit audit;
    private final long maxBytes;

    /** @param maxBytes console.media-max-bytes */
    MediaUploads(MediaLibrary library, Audit audit, long maxBytes) {
        this.library = library;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    static boolean isUpload(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Gives an upload its own multipart limits, its parts kept beside the library while the request lasts;
     * registered before the sign-in check, which may read the form's {@code _csrf} field and so parse the body.
     */
    void prepare(Context ctx) {
        if (ctx.method() == HandlerType.POST && isUpload(ctx)) {
            ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(library.incoming().toString(), maxBytes, maxBytes,
                    IN_MEMORY_BYTES));
        }
    }

    /** @param station the station the media is for, or null for the network's shared media */
    Reply upload(ApiRequest request, StationId station) {
        try {
            return add(request, station);
        } finally {
            discardParts(request.context());
        }
    }

    private Reply add(ApiRequest request, StationId station) {
        Map<String, List<String>> fields;
        List<UploadedFile> files;
        try {
            fields = Multipart.fields(request.context());
            files = Multipart.files(request.context(), "file");
        } catch (HttpResponseException e) {
            throw ApiProblem.withStatus(e.getStatus(), e.getMessage());
        }
        if (files.size() != 1) {
            throw ApiProblem.badRequest("the form needs one audio file in its field \"file\", got " + files.size());
        }
        UploadedFile file = files.getFirst();
        MediaLibrary.Upload upload = new MediaLibrary.Upload(request.scope().network(), station,
                field(fields, "title", baseName(file.filename())), kind(field(fields, "kind", null)),
                field(fields, "language", null), format(file), request.principal().user().id());
        MediaAsset media;
        try (InputStream content = file.content()) {
            media = library.add(upload, content);
        } catch (SoxConverter.Unavailable e) {
            LOG.error("a media upload was refused: {}", e.getMessage());
            throw ApiProblem.withStatus(503, "this server cannot convert audio now: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload", e);
        }
        audit.record(request, "media.upload", "media", media.id().value(), null, media);
        return Reply.created(media);
    }

    /**
     * Deletes the request's parts kept on disk before the reply goes: Jetty deletes them too, but only once the
     * request is done, after the client may have read the reply (and a refused upload must leave nothing).
     */
    private static void discardParts(Context ctx) {
        try {
            for (Part part : ctx.req().getParts()) {
                part.delete();
            }
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.debug("an upload's parts are left to Jetty to delete: {}", e.toString());
        }
    }

    /** The media's file for the console's player; 404 when it is not there. */
    Reply audio(ApiRequest request) {
        MediaAsset media = request.found(MediaAsset.class);
        Path file = library.file(media).orElseThrow(() -> ApiProblem.notFound("the media's audio file is missing"));
        return new Reply.File(media.format() == AudioFormat.MP3 ? "audio/mpeg" : "audio/wav", file);
    }

    private static String field(Map<String, List<String>> fields, String name, String otherwise) {
        List<String> values = fields.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ApiProblem.badRequest("the form has " + values.size() + " fields \"" + name + "\"; send one");
        }
        return values.isEmpty() || values.getFirst().isBlank() ? otherwise : values.getFirst().strip();
    }

    private static MediaKind kind(String text) {
        if (text == null) {
            return MediaKind.RECORDING;
        }
        try {
            return MediaKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("kind must be one of " + List.of(MediaKind.values()) + ", got \"" + text + "\"");
        }
    }

    /** By the file's name, else by the type the browser gave it. */
    private static InputFormat format(UploadedFile file) {
        String name = file.filename() == null ? "" : file.filename();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        InputFormat format = BY_EXTENSION.getOrDefault(extension, BY_CONTENT_TYPE.get(type));
        if (format == null) {
            throw ApiProblem.withStatus(415, "the media library takes WAV and MP3 files; \"" + name + "\" ("
                    + (type.isEmpty() ? "no type" : type) + ") is neither");
        }
        return format;
    }

    private static String baseName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }
}
