package org.baraza.server.api;

/**
 * A request the API cannot take as sent: a malformed id, body or parameter (400), a missing thing (404), a body too
 * large (413) or of a type it does not take (415); or one it cannot serve now (503).
 */
final class ApiProblem extends RuntimeException {

    private final int status;

    private ApiProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(404, message);
    }

    static ApiProblem withStatus(int status, String message) {
        return new ApiProblem(status, message);
    }

    int status() {
        return status;
    }
}
