package org.baraza.server.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh 256-bit secrets for session cookies, CSRF tokens and API tokens, URL-safe. Thread-safe. */
final class RandomSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecrets() {
    }

    /** 43 characters of base64url: 256 random bits, with a prefix that says what it is ({@code bz_}). */
    static String next(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
