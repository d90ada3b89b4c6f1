package org.baraza.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // caller id as FreeSWITCH shows it | the numbers it may stand for
            "+256700100200 | +256700100200",
            "256700100200  | 256700100200 +256700100200",
            "0772100200    | 0772100200",
            "8822          | 8822",
            "1234567       | 1234567 +1234567",
            "anonymous     | ''",
            "''            | ''",
            "null          | ''",
            "2567001002001234 | ''",
    })
    void aCallerIdStandsForTheNumberAsShownAndInE164WhenAGatewayDroppedThePlus(String callerId, String expected) {
        List<String> candidates = PhoneNumber.candidates(callerId).stream().map(PhoneNumber::value).toList();

        assertThat(candidates).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }

    @ParameterizedTest
    @CsvSource({"'+256 (700) 100-200', +256700100200", "' 0772.100.200 ', 0772100200"})
    void typedNumbersLoseTheirPunctuation(String typed, String number) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"+0772100200", "12", "+25670010020012345", "07721002OO"})
    void whatIsNoNumberIsRefused(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text)).isInstanceOf(DomainException.Invalid.class)
                .hasMessageContaining("not a phone number");
    }
}
