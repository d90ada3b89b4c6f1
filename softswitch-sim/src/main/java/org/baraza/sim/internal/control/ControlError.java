package org.baraza.sim.internal.control;

/** A request the control API refuses, with the HTTP status to answer and a message naming the problem. */
final class ControlError extends RuntimeException {
    private final int status;

    ControlError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ControlError notFound(String what) {
        return new ControlError(404, what + " not found");
    }

    static ControlError badRequest(String message) {
        return new ControlError(400, message);
    }
}
