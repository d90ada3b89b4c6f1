package org.baraza.server.auth;

import java.net.URI;
import java.time.Duration;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The console's session cookie: an opaque secret, HttpOnly (scripts cannot read it), SameSite=Lax (other sites'
 * forms and scripts do not send it with changes), Secure when the server's public URL is https, for the whole
 * site so that console pages and the API share it. Immutable.
 */
public record SessionCookie(boolean secure) {

    public static final String NAME = "baraza_session";

    public static SessionCookie forPublicUrl(URI publicUrl) {
        return new SessionCookie("https".equalsIgnoreCase(publicUrl.getScheme()));
    }

    String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    void set(Context ctx, String secret, Duration maxAge) {
        ctx.cookie(new Cookie(NAME, secret, "/", (int) maxAge.toSeconds(), secure, true, null, SameSite.LAX));
    }

    void clear(Context ctx) {
        ctx.cookie(new Cookie(NAME, "", "/", 0, secure, true, null, SameSite.LAX));
    }
}
