package org.baraza.server.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpException;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

/**
 * A multipart body as Jetty parses it (within the server's multipart limits, or the request's own), its failures
 * turned into named HTTP exceptions: too large is 413, anything else that is not a multipart body is 400. Shared by
 * the httapi webhook and the console's media uploads; not API. Stateless.
 */
public final class Multipart {

    private Multipart() {
    }

    public static Map<String, List<String>> fields(Context ctx) {
        return parsed(ctx::formParamMap);
    }

    public static List<UploadedFile> files(Context ctx) {
        return parsed(ctx::uploadedFiles);
    }

    /** The files sent in the field {@code field}. */
    public static List<UploadedFile> files(Context ctx, String field) {
        return parsed(() -> ctx.uploadedFiles(field));
    }

    private static <T> T parsed(Supplier<T> parts) {
        try {
            return parts.get();
        } catch (Exception e) { // the servlet API's checked exceptions arrive through Kotlin undeclared
            if (tooLarge(e)) {
                throw new ContentTooLargeResponse("the body is larger than this server takes");
            }
            throw new BadRequestResponse("the multipart body cannot be read: " + rootMessage(e));
        }
    }

    /** Jetty's size limits fail the read with a 413 of their own, somewhere among the causes. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() == 413) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 120 ? message.substring(0, 120) : message;
    }
}
