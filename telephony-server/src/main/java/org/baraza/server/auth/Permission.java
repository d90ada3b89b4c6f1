package org.baraza.server.auth;

/**
 * What a route needs of the user, in the {@link Scope} it touches. {@link Access} decides each from the user's
 * roles; a route declares one, so that no route decides for itself.
 */
public enum Permission {
    /** Anyone, signed in or not: signing in, the API description. */
    PUBLIC,
    /** Any signed-in user, about themself (their profile, tokens, sessions). */
    SIGNED_IN,
    /** Any user of the network: what it shares (programs, shared media and playlists). */
    NETWORK_MEMBER,
    /**
     * A host's view of a station they present on (its schedules, airings, SMS inbox and polls), and anything a
     * station's manager or the network's admin may see.
     */
    PRESENT,
    /** The station's manager or the network's admin: change the station's things; see its call log. */
    MANAGE,
    /** The network's admin only: stations, users and roles, programs, the audit log. */
    NETWORK_ADMIN
}
