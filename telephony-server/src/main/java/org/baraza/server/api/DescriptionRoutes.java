package org.baraza.server.api;

import static org.baraza.server.auth.Permission.PUBLIC;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The API's own description, {@code openapi.yaml}, served as it is kept beside these classes. */
final class DescriptionRoutes {

    static final String RESOURCE = "openapi.yaml";

    private final Locate locate;

    DescriptionRoutes(Locate locate) {
        this.locate = locate;
    }

    List<ApiRoute> routes() {
        String description = read();
        return List.of(ApiRoute.get("/api/openapi.yaml", PUBLIC, locate::network,
                request -> new Reply.Download("application/yaml; charset=utf-8", null, description)));
    }

    static String read() {
        try (InputStream in = DescriptionRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the API description " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
