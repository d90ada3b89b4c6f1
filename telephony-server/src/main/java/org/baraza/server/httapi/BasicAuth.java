package org.baraza.server.httapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP basic authentication against one user and password (mod_httapi's gateway-credentials), compared in
 * constant time: both are hashed first, so neither their contents nor their lengths show in how long a
 * refusal takes. Immutable; any thread.
 */
final class BasicAuth {

    /** What a 401 asks for. */
    static final String CHALLENGE = "Basic realm=\"baraza-httapi\", charset=\"UTF-8\"";

    private final byte[] user;
    private final byte[] password;

    BasicAuth(String user, String password) {
        this.user = digest(user);
        this.password = digest(password);
    }

    /** Whether an {@code Authorization} header (null when absent) carries the right user and password. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(user, digest(decoded.substring(0, colon)));
        boolean passwordMatches = MessageDigest.isEqual(password, digest(decoded.substring(colon + 1)));
        return userMatches & passwordMatches;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
