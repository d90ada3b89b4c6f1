package org.baraza.sms.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeTest {

    @Test
    void aListenersReminderIsInTheStationsLanguageWithTheWordThatEndsIt() {
        assertThat(Notice.LISTENER_REMINDER.in("en", "Morning Talk", "Radio Baraza", "07:00", Notice.unsubscribeWord("en"),
                "Morning Talk"))
                .isEqualTo("Reminder: Morning Talk is on Radio Baraza at 07:00. Text UNSUB Morning Talk to stop these reminders.");
        assertThat(Notice.LISTENER_REMINDER.in("sw-KE", "Asubuhi", "Redio Baraza", "07:00", Notice.unsubscribeWord("sw-KE"),
                "Asubuhi"))
                .isEqualTo("Kumbusho: Asubuhi kiko kwenye Redio Baraza, 07:00. Tuma JITOE Asubuhi kuacha vikumbusho hivi.");
    }

    @Test
    void aLanguageWithoutTextsGetsEnglish() {
        assertThat(Notice.SILENCE.in("lg", "Radio Baraza", "07:05", "USER_BUSY"))
                .isEqualTo("Baraza alert: nothing has been on air on Radio Baraza since 07:05 (USER_BUSY).");
        assertThat(Notice.unsubscribeWord("lg")).isEqualTo("UNSUB");
    }

    @Test
    void everyNoticeHasATextInEveryLanguage() {
        for (Notice notice : Notice.values()) {
            for (String language : new String[] {"en", "sw"}) {
                assertThat(notice.in(language, "a", "b", "c", "d", "e")).isNotBlank().doesNotContain("%s");
            }
        }
    }
}
