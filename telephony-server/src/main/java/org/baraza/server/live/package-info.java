/**
 * The console's live board: what every station does now, as the daemons report it over the hub, pushed to
 * browsers as server-sent events.
 */
package org.baraza.server.live;
