package org.baraza.server.sms;

import java.net.URI;

import com.twilio.security.RequestValidator;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

/**
 * The check before every Twilio route: the request must carry {@code X-Twilio-Signature}, Twilio's HMAC of the
 * URL it called and the form's fields under the account's auth token, verified with the SDK's
 * {@link RequestValidator}. The URL is the server's public one (server.public-url, what Twilio was given: behind a
 * proxy the server's own address differs) with the request's path and query. A request that passes leaves its
 * form for the route. Immutable; any thread.
 */
final class TwilioSignature {

    static final String HEADER = "X-Twilio-Signature";
    static final String FORM = "baraza.twilio-form";

    private final RequestValidator validator;
    private final String publicUrl;

    TwilioSignature(String authToken, URI publicUrl) {
        this.validator = new RequestValidator(authToken);
        String url = publicUrl.toString();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    void check(Context ctx) {
        String signature = ctx.header(HEADER);
        if (signature == null || signature.isBlank()) {
            throw new ForbiddenResponse(HEADER + " is missing: only Twilio may call this webhook");
        }
        TwilioForm form = TwilioForm.read(ctx);
        String query = ctx.queryString();
        String url = publicUrl + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
        if (!validator.validate(url, form.fields(), signature)) {
            throw new ForbiddenResponse(HEADER + " does not match " + url + " and the form: wrong auth token, "
                    + "server.public-url, or a changed request");
        }
        ctx.attribute(FORM, form);
    }

    /** The form a checked request carried. */
    static TwilioForm form(Context ctx) {
        TwilioForm form = ctx.attribute(FORM);
        if (form == null) {
            throw new IllegalStateException("the route " + ctx.path() + " ran without its signature check");
        }
        return form;
    }
}
