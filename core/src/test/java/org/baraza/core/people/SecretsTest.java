package org.baraza.core.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baraza.core.DomainException;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final Secrets SECRETS = Secrets.argon2id();

    @Test
    void aHashIsArgon2idWithItsOwnSaltAndNeverTheSecret() {
        String first = SECRETS.hash("4821");
        String second = SECRETS.hash("4821");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("4821");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void onlyTheSecretTheHashWasMadeFromMatches() {
        String hash = SECRETS.hash("correct horse battery");

        assertThat(SECRETS.matches("correct horse battery", hash)).isTrue();
        assertThat(SECRETS.matches("correct horse batterY", hash)).isFalse();
        assertThat(SECRETS.matches("", hash)).isFalse();
    }

    @Test
    void aHashFromTheReferenceImplementationWithOtherParametersVerifies() {
        // The reference CLI's documented example (github.com/P-H-C/phc-winner-argon2):
        // echo -n "password" | ./argon2 somesalt -t 2 -m 16 -p 4 -l 24
        String hash = "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

        assertThat(SECRETS.matches("password", hash)).isTrue();
        assertThat(SECRETS.matches("Password", hash)).isFalse();
    }

    @Test
    void checkingAgainstNothingSaysNo() {
        assertThat(SECRETS.matchesNothing("a secret that no one types")).isFalse();
    }

    @Test
    void pinsAreFourToEightDigitsAndNeverPrinted() {
        assertThat(new Pin("0000").digits()).isEqualTo("0000");
        assertThat(new Pin("12345678").toString()).isEqualTo("Pin[hidden]");
        for (String bad : new String[] {"123", "123456789", "12a4", " 1234", ""}) {
            assertThatThrownBy(() -> new Pin(bad)).isInstanceOf(DomainException.Invalid.class)
                    .hasMessage("a PIN must be 4 to 8 digits");
        }
        assertThatThrownBy(() -> new Pin(null)).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void passwordsAreEightTo256CharactersAndNeverPrinted() {
        assertThat(new Password("12345678").toString()).isEqualTo("Password[hidden]");
        assertThatThrownBy(() -> new Password("1234567")).isInstanceOf(DomainException.Invalid.class)
                .hasMessage("a password must have at least 8 characters");
        assertThatThrownBy(() -> new Password("x".repeat(257))).isInstanceOf(DomainException.Invalid.class)
                .hasMessage("a password must have at most 256 characters");
    }
}
