/**
 * A FreeSWITCH 1.10.12 simulator speaking ESL and mod_httapi, held to the transcripts in
 * {@code shared/freeswitch-1.10.12}, for the tests and the demo. {@link org.baraza.sim.Softswitch} is the one
 * entry point; everything under {@code org.baraza.sim.internal} is its implementation and not API.
 */
package org.baraza.sim;
