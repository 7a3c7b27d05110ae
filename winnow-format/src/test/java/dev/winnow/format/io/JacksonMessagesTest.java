package dev.winnow.format.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JacksonMessagesTest {

    @Test
    void clean_dropsTheSourceNoteTheExcerptAndTheFinalPeriod() {
        assertThat(JacksonMessages.clean("Unexpected end-of-input: expected close marker for Object (start marker at "
                + "[Source: REDACTED; byte offset: #UNKNOWN])")).isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(JacksonMessages.clean("Unexpected character ('x' (code 120)): was expecting comma (for Array)"))
                .isEqualTo("Unexpected character ('x' (code 120)): was expecting comma");
        assertThat(JacksonMessages.clean("Unrecognized token 'tru': was expecting true.\n at [Source: x; line: 1]"))
                .isEqualTo("Unrecognized token 'tru': was expecting true");
        assertThat(JacksonMessages.clean("Ends with a colon: ")).isEqualTo("Ends with a colon");
        assertThat(JacksonMessages.clean(null)).isEqualTo("unexpected content");
        assertThat(JacksonMessages.clean("  ")).isEqualTo("unexpected content");
    }
}
