package org.baraza.server.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import org.baraza.server.auth.Principal;
import org.baraza.server.auth.Scope;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;

/**
 * One API request as a route sees it: who asks, what it touches once located, and its parameters and body read
 * into values, each refusal naming the parameter. Lives for one request, on its thread.
 */
public final class ApiRequest {

    private final Context ctx;
    private final Principal principal;
    private final ObjectMapper json;
    private final Clock clock;
    private Scope scope;
    private Object found;

    ApiRequest(Context ctx, Principal principal, ObjectMapper json, Clock clock) {
        this.ctx = ctx;
        this.principal = principal;
        this.json = json;
        this.clock = clock;
    }

    /** The signed-in user; null only on public routes. */
    public Principal principal() {
        return principal;
    }

    public Scope scope() {
        return scope;
    }

    /** Records what a locator found: the scope, and the thing the path names (or null). */
    Scope located(Scope where, Object thing) {
        this.scope = where;
        this.found = thing;
        return where;
    }

    /** The thing the path named, as the locator loaded it. */
    <T> T found(Class<T> type) {
        return type.cast(found);
    }

    Instant now() {
        return clock.instant();
    }

    Context context() {
        return ctx;
    }

    /** A path parameter that is an id: a positive number, or else nothing by that id exists (404). */
    long id(String name) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.notFound("no " + name + " " + text);
    }

    UUID uuid(String name) {
        String text = ctx.pathParam(name);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no " + name + " " + text);
        }
    }

    /** The body as JSON read into {@code type}; unknown fields and malformed values are refused naming them. */
    <T> T body(Class<T> type) {
        try {
            T body = json.readValue(ctx.bodyInputStream(), type);
            if (body == null) {
                throw ApiProblem.badRequest("the request needs a JSON body");
            }
            return body;
        } catch (IOException e) {
            throw ApiJson.problem(e);
        }
    }

    /** The body as {@link #body}, or empty when the request has none (or only whitespace). */
    <T> Optional<T> optionalBody(Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.readValue(bytes, type));
        } catch (IOException e) {
            throw ApiJson.problem(e);
        }
    }

    String query(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    Instant instant(String name, Instant otherwise) {
        String text = query(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + " must be an instant such as 2026-03-02T07:00:00Z, got \"" + text + "\"");
        }
    }

    int limit(int otherwise, int most) {
        String text = query("limit");
        if (text == null) {
            return otherwise;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= most) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.badRequest("limit must be a number from 1 to " + most + ", got \"" + text + "\"");
    }
}
