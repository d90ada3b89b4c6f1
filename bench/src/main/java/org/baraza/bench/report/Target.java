package org.baraza.bench.report;

/**
 * One of issue #8's targets and where the run left it. Immutable.
 *
 * @param goal     the target as the issue states it
 * @param measured what the run measured for it, in words and figures
 * @param verdict  whether it stands
 */
public record Target(String goal, String measured, Verdict verdict) {

    /** Whether a target stands. */
    public enum Verdict {
        MET, MISSED,
        /** The scenario could not measure it (too few samples, or it failed): neither met nor missed. */
        NOT_MEASURED;

        public static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }
}
