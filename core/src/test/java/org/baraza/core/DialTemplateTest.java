package org.baraza.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialTemplateTest {

    @Test
    void theNumberGoesWhereTheTemplateSays() {
        assertThat(new DialTemplate("sofia/gateway/gsm1/{number}").dial(new PhoneNumber("+256700100200")))
                .isEqualTo("sofia/gateway/gsm1/+256700100200");
        assertThat(new DialTemplate("sofia/external/{number}@10.0.0.5").dial(new PhoneNumber("0772100200")))
                .isEqualTo("sofia/external/0772100200@10.0.0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sofia/gateway/gsm1/0772", "sofia/gateway/{number}/{number}", "{x}sofia/gateway/gw/{number}",
            "sofia/gateway/gw/{number} &park()", "sofia/gateway/gw/{number},user/1000", "", "/{number}"})
    void aTemplateThatIsNotOneIsRefusedSayingWhy(String template) {
        assertThatThrownBy(() -> new DialTemplate(template)).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining(template.isEmpty() ? "not a dial string template" : template);
    }
}
