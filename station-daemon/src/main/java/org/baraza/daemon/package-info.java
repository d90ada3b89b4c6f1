/**
 * The station daemon: one actor per station, the ESL gateway, transmitter legs, Quartz jobs, the
 * command executor and reconciliation.
 *
 * <p>Not built yet: issue #4. {@code baraza daemon} says so and exits non-zero until then.
 */
package org.baraza.daemon;
