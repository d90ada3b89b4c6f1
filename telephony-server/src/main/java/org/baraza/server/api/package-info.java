/**
 * The console's REST API under {@code /api}: one table of {@link org.baraza.server.api.ApiRoute}s, each declaring
 * its method, path, the {@link org.baraza.server.auth.Permission} it needs and how to find the station or network
 * it touches; {@link org.baraza.server.api.ConsoleApi} registers them behind one authorization check and renders
 * every answer and every refusal in one place. The description is {@code openapi.yaml} beside these classes,
 * served at {@code /api/openapi.yaml} and compared with the table by a test.
 */
package org.baraza.server.api;
