package org.baraza.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a session's or token's secret: what the database keeps instead of the secret. A slow password
 * hash is not needed here: the secrets are 256 random bits, not chosen by people, so nothing can be guessed from
 * the digest, and the lookup on every request stays cheap. Stateless and thread-safe.
 */
public final class SecretDigest {

    private SecretDigest() {
    }

    public static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
