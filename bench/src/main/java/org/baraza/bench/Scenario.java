package org.baraza.bench;

/** One of issue #8's measurements: starts what it needs, measures, stops it all, and returns its figures. */
interface Scenario {

    /** Short and stable: the report's key and {@code --only}'s value. */
    String id();

    String title();

    /**
     * Runs at {@code size}, in a network of its own on {@code database}; {@code progress} gets a line now and then
     * for whoever watches. Everything it started is stopped when it returns or throws.
     */
    Results run(Size size, SharedDatabase database, Progress progress) throws Exception;
}
