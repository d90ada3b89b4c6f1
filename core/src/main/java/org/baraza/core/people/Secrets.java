package org.baraza.core.people;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Hashes and checks the secrets people type: host PINs and user passwords. Only the hash is ever
 * stored; it is Argon2id's encoded form ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), which
 * carries its own parameters and salt, so hashes made with older parameters still verify.
 *
 * <p>One instance per process, immutable and safe to share between threads.
 */
public final class Secrets {

    // OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): about 0.1 s per hash on a small server.
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private static final int SALT_BYTES = 16;

    private final String decoy;

    private Secrets() {
        this.decoy = hash("a secret that no one types");
    }

    /** Argon2id with OWASP's recommended minimum cost. Makes one hash at once (its decoy). */
    public static Secrets argon2id() {
        return new Secrets();
    }

    /** A new hash of the secret, with a fresh random salt of 16 bytes. */
    public String hash(CharSequence secret) {
        // An explicit salt length: without one the library reads it from an optional properties file and
        // logs a warning on every hash when that file is absent.
        return com.password4j.Password.hash(secret).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
    }

    /** Whether the secret is the one the hash was made from; the library compares in constant time. */
    public boolean matches(CharSequence secret, String hash) {
        return Argon2Function.getInstanceFromHash(hash).check(secret, hash);
    }

    /**
     * Spends the time of a real check and answers false: used when there is nothing to check against
     * (an unknown email), so that how long a refusal takes does not tell whether the account exists.
     */
    public boolean matchesNothing(CharSequence secret) {
        matches(secret, decoy);
        return false;
    }
}
