/**
 * The telephony server, Baraza's HTTP face: mod_httapi webhooks, SMS webhooks, the REST API, the web
 * console and the ZeroMQ hub the station daemons connect to.
 *
 * <p>Not built yet: issues #5 to #7. {@code baraza server} says so and exits non-zero until then.
 */
package org.baraza.server;
