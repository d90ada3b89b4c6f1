package org.baraza.server.api;

/** A request the API cannot take as sent: a malformed id, body or parameter (400) or a missing thing (404). */
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

    int status() {
        return status;
    }
}
