package org.baraza.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baraza.core.DomainException;
import org.junit.jupiter.api.Test;

class ProgramConfigTest {

    @Test
    void theSameSettingsWrittenTwoWaysAreOneCanonicalConfig() {
        ProgramConfig spaced = new ProgramConfig("""
                { "playlist": 12,
                  "hostKeys": { "mute": "*", "next": "#" },
                  "warnings": [300, 60] }
                """);
        ProgramConfig packed = new ProgramConfig("{\"warnings\":[300,60],\"playlist\":12,\"hostKeys\":{\"next\":\"#\",\"mute\":\"*\"}}");

        assertThat(spaced).isEqualTo(packed);
        assertThat(spaced.json()).isEqualTo("{\"hostKeys\":{\"mute\":\"*\",\"next\":\"#\"},\"playlist\":12,\"warnings\":[300,60]}");
        assertThat(new ProgramConfig(spaced.json())).isEqualTo(spaced);
    }

    @Test
    void numbersKeepTheirExactValueWithoutTrailingZeros() {
        ProgramConfig config = new ProgramConfig("{\"gain\": 0.1, \"big\": 12345678901234567890123, \"ratio\": 2.50, \"e\": 1e3}");

        assertThat(config.json()).isEqualTo("{\"big\":12345678901234567890123,\"e\":1000,\"gain\":0.1,\"ratio\":2.5}");
        assertThat(new ProgramConfig(config.json())).isEqualTo(config);
    }

    @Test
    void theTreeIsACopyToRead() {
        ProgramConfig config = new ProgramConfig("{\"playlist\": 12}");

        config.tree().put("playlist", 13);

        assertThat(config.tree().get("playlist").asInt()).isEqualTo(12);
        assertThat(ProgramConfig.empty().json()).isEqualTo("{}");
    }

    @Test
    void onlyAWellFormedObjectIsAConfig() {
        assertInvalid("[1, 2]", "program config must be a JSON object, got array");
        assertInvalid("\"playlist\"", "program config must be a JSON object, got string");
        assertInvalid("", "program config must be a JSON object, got nothing");
        assertInvalid(null, "program config is required (use {} for none)");
        assertThatThrownBy(() -> new ProgramConfig("{\"playlist\": }"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageStartingWith("program config is not valid JSON at line 1, column 14: Unexpected character ('}'");
        assertThatThrownBy(() -> new ProgramConfig("{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessage("program config is not valid JSON at line 1, column 13: Duplicate field 'a'");
        assertThatThrownBy(() -> new ProgramConfig("{} {}"))
                .isInstanceOf(DomainException.Invalid.class)
                .hasMessageStartingWith("program config is not valid JSON at line 1, column 4: Trailing token");
    }

    @Test
    void whatJsonbCannotStoreOrNoSettingNeedsIsRefused() {
        assertInvalid("{\"x\": 1e999999999}", "program config has a number out of range: 1E+999999999");
        assertInvalid("{\"x\": \"" + "a".repeat(65_536) + "\"}", "program config must be at most 65536 characters");
        assertInvalid("{\"x\": [\"a\\u0000b\"]}", "program config must not hold the NUL character, which jsonb cannot store");
        assertInvalid("{\"a\\u0000\": 1}", "program config must not hold the NUL character, which jsonb cannot store");
    }

    private static void assertInvalid(String json, String message) {
        assertThatThrownBy(() -> new ProgramConfig(json)).isInstanceOf(DomainException.Invalid.class).hasMessage(message);
    }
}
