package dev.podclip.support.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTextTest {

    @Test
    void dropsWhatXmlCannotHoldAndKeepsTheRest() {
        assertThat(XmlText.clean("a\u0001b\u0000c\uFFFEd\uFFFF\u001Fe")).isEqualTo("abcde");
        assertThat(XmlText.clean("tab\tline\nret\r")).isEqualTo("tab\tline\nret\r");
        assertThat(XmlText.clean("emoji \uD83C\uDF99 ok")).isEqualTo("emoji \uD83C\uDF99 ok");
        assertThat(XmlText.clean("lone \uD83C surrogate")).isEqualTo("lone  surrogate");
        assertThat(XmlText.clean(null)).isNull();
        String plain = "Episode 12: <b>&</b>";
        assertThat(XmlText.clean(plain)).isSameAs(plain);
    }
}
