/**
 * A FreeSWITCH simulator speaking ESL and mod_httapi, held to the transcripts in
 * {@code shared/freeswitch-1.10.12}, for the tests and the demo.
 *
 * <p>Not built yet: issue #3. {@code baraza sim} says so and exits non-zero until then.
 */
package org.baraza.sim;
