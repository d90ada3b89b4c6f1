/**
 * Who is asking and what they may do: console sessions (a cookie) and API tokens (a bearer header), the
 * anti-forgery check for cookie-authenticated changes, sign-in throttling, and the one place where a user's
 * roles are turned into a yes or no for a permission on a station or network.
 */
package org.baraza.server.auth;
