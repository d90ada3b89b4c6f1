package org.baraza.sms.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParsedTest {

    private static final List<String> ENGLISH_AND_SWAHILI = List.of("en", "sw");
    private static final List<String> SWAHILI_FIRST = List.of("sw-KE", "en");

    @ParameterizedTest(name = "\"{0}\" is {1} in {2}, then \"{3}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            STOP                     | STOP      | en | ""
            stop                     | STOP      | en | ""
            "  Stop.  "              | STOP      | en | ""
            Stöp                     | STOP      | en | ""
            "STOP\tALL"              | STOP      | en | ALL
            unsubscribe              | STOP      | en | ""
            cancel                   | STOP      | en | ""
            start                    | START     | en | ""
            "  hElP  "               | HELP      | en | ""
            "sub   Morning   Show"   | SUB       | en | MORNING SHOW
            "SUB Mañana Café!"       | SUB       | en | MANANA CAFE
            unsub morning show       | UNSUB     | en | MORNING SHOW
            acha                     | STOP      | sw | ""
            Simamisha                | STOP      | sw | ""
            anza                     | START     | sw | ""
            msaada                   | HELP      | sw | ""
            "jiunge  asubuhi"        | SUB       | sw | ASUBUHI
            jitoe asubuhi            | UNSUB     | sw | ASUBUHI
            listeners                | LISTENERS | en | ""
            skip                     | CANCEL    | en | ""
            postpone 30              | POSTPONE  | en | 30
            ahirisha 15              | POSTPONE  | sw | 15
            yes                      | NONE      | en | YES
            "Yes!! I agree"          | NONE      | en | YES I AGREE
            "<b>hi</b> & bye"        | NONE      | en | B>HI</B BYE
            "stopping by"            | NONE      | en | STOPPING BY
            ""                       | NONE      | en | ""
            "   "                    | NONE      | en | ""
            """)
    void readsTheKeywordItsLanguageAndTheRest(String body, Keyword keyword, String language, String rest) {
        Parsed parsed = Parsed.of(body, ENGLISH_AND_SWAHILI);

        assertThat(parsed).isEqualTo(new Parsed(keyword, language, rest.isEmpty() ? List.of() : List.of(rest.split(" "))));
    }

    @ParameterizedTest(name = "\"{0}\" for a Swahili-first station is {1} in {2}")
    @CsvSource(delimiter = '|', textBlock = """
            STOP      | STOP | en
            acha      | STOP | sw
            habari    | NONE | sw
            """)
    void aStationsFirstLanguageAnswersTextsWithoutAKeyword(String body, Keyword keyword, String language) {
        Parsed parsed = Parsed.of(body, SWAHILI_FIRST);

        assertThat(parsed.keyword()).isEqualTo(keyword);
        assertThat(parsed.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "\"{0}\" normalizes to \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "  Jiunge\u00A0 Asubuhi "  | JIUNGE ASUBUHI
            "Ça va?"                   | CA VA
            "e\u0301te\u0301"          | ETE
            "...!"                     | ""
            """)
    void wordsAreComparedWithoutAccentsCaseOrExtraSpaces(String text, String normalized) {
        assertThat(Words.normalize(text)).isEqualTo(normalized);
    }
}
