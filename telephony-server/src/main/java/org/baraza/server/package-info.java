/**
 * The telephony server, Baraza's HTTP face: {@link org.baraza.server.TelephonyServer} builds the ZeroMQ hub the
 * station daemons connect to ({@code hub}), the router that decides callers' calls with them ({@code calls}) and
 * the mod_httapi webhook FreeSWITCH calls ({@code httapi}). SMS webhooks, the REST API and the web console come
 * later.
 */
package org.baraza.server;
