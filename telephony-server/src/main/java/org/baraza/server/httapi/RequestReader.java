package org.baraza.server.httapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.baraza.server.calls.InboundRequest;
import org.baraza.server.internal.Multipart;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.javalin.http.UploadedFile;

/**
 * Turns one mod_httapi request into an {@link InboundRequest}: the query string (a GET, mod_httapi's default),
 * then a URL-encoded form (a POST, when the profile asks for one) or a multipart form (a POST with a recording,
 * which is copied to a file of its own under the upload directory). Refuses, with a named HTTP exception, a body
 * of another type (415), a form larger than {@link #MAX_FORM_BYTES} (413), more than one file, and a missing or
 * malformed {@code session_id} (400). Stateless; any thread.
 */
final class RequestReader {

    /** A form without a file: the recorded requests are under 2 KB. */
    static final int MAX_FORM_BYTES = 64 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Path uploads;

    RequestReader(Path uploads) {
        this.uploads = uploads;
    }

    InboundRequest read(Context ctx) {
        RequestFields fields = new RequestFields();
        fields.addEncoded(ctx.queryString(), "query string");
        Optional<UploadedFile> recording = Optional.empty();
        if (ctx.method() == HandlerType.POST) {
            switch (mediaType(ctx)) {
                case FORM -> fields.addEncoded(form(ctx), "form");
                case MULTIPART -> recording = multipart(ctx, fields);
                case "" -> {
                    // A POST without a body: the query string says it all.
                }
                default -> throw new UnsupportedMediaTypeResponse("a body must be " + FORM + " or " + MULTIPART);
            }
        }
        UUID session = session(fields.get("session_id"));
        return new InboundRequest(session, fields.asMap(), recording.map(this::keep));
    }

    private static String mediaType(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            if (ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null) {
                throw new UnsupportedMediaTypeResponse("a body without a Content-Type");
            }
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The form's text, read no further than {@link #MAX_FORM_BYTES}. */
    private static String form(Context ctx) {
        try (InputStream body = ctx.bodyInputStream()) {
            byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
            if (bytes.length > MAX_FORM_BYTES) {
                throw new ContentTooLargeResponse("a form without a file is at most " + MAX_FORM_BYTES + " bytes");
            }
            // Anything but ASCII is refused by the field parser: ISO-8859-1 keeps each byte as one character.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the form", e);
        }
    }

    /** The text fields into {@code fields}; the one file, if any, is the recording. */
    private static Optional<UploadedFile> multipart(Context ctx, RequestFields fields) {
        for (Map.Entry<String, List<String>> field : Multipart.fields(ctx).entrySet()) {
            for (String value : field.getValue()) {
                fields.add(field.getKey(), value);
            }
        }
        List<UploadedFile> files = Multipart.files(ctx);
        if (files.size() > 1) {
            throw new BadRequestResponse("a request carries one recording, not " + files.size());
        }
        return files.stream().findFirst();
    }

    private static UUID session(String text) {
        if (text == null || text.isEmpty()) {
            throw new BadRequestResponse("session_id is missing");
        }
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new BadRequestResponse("session_id is not a UUID");
        }
        return UUID.fromString(text);
    }

    /** The upload in a file of its own, which the call's handler may move; whatever is left is removed after. */
    private Path keep(UploadedFile upload) {
        try {
            Path file = Files.createTempFile(uploads, "httapi-", ".upload");
            try (InputStream content = upload.content()) {
                Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded recording in " + uploads, e);
        }
    }
}
