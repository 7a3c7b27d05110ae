package dev.winnow.format.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JacksonMessagesTest {

    @Test
    void clean_trailingText_isSaidInWinnowsWords() {
        assertThat(JacksonMessages.clean("Trailing token (`JsonToken.VALUE_STRING`) found after value (bound as"
                        + " `tools.jackson.databind.JsonNode`): not allowed as per"
                        + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"))
                .isEqualTo("more text follows the end of the JSON value");
    }

    @Test
    void clean_saysWhatWasFoundAndWhatWasExpected() {
        assertThat(JacksonMessages.clean("Unexpected end-of-input: expected close marker for Object (start marker at "
                        + "[Source: REDACTED; byte offset: #UNKNOWN])"))
                .isEqualTo("the text ends before the object is closed with '}'");
        assertThat(JacksonMessages.clean("Unexpected end-of-input: expected close marker for Array"))
                .isEqualTo("the text ends before the list is closed with ']'");
        assertThat(JacksonMessages.clean("Unexpected end-of-input: was expecting closing quote for a string value"))
                .isEqualTo("the text ends inside a string whose closing '\"' is missing");
        assertThat(JacksonMessages.clean(
                        "Unexpected character (',' (code 44)): was expecting double-quote to start property name"))
                .isEqualTo("found ',' where a key in double quotes was expected");
        assertThat(JacksonMessages.clean(
                        "Unexpected character ('x' (code 120)): was expecting comma to separate Array entries"))
                .isEqualTo("found 'x' where ',' or ']' was expected");
        assertThat(JacksonMessages.clean(
                        "Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"))
                .isEqualTo("found '\"' where ',' or '}' was expected");
        assertThat(JacksonMessages.clean("Unexpected character ('1' (code 49)): was expecting a colon to "
                        + "separate property name and value"))
                .isEqualTo("found '1' where ':' after the key was expected");
        assertThat(JacksonMessages.clean(
                        "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array,"
                                + " Object or token 'null', 'true' or 'false')"))
                .isEqualTo(
                        "found ']' where a value (a string, number, object, array, true, false or null) was expected");
        assertThat(JacksonMessages.clean(
                        "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token"
                                + " 'null', 'true' or 'false')"))
                .isEqualTo("found 'tru' where a value (a string, number, object, array, true, false or "
                        + "null) was expected");
        assertThat(JacksonMessages.clean(
                        "Unexpected close marker '}': expected ']' (for Array starting at [Source: x])"))
                .isEqualTo("found '}' where ']' was expected to close the list");
        assertThat(JacksonMessages.clean("Unexpected close marker '}': no open Object to close"))
                .isEqualTo("found '}' with no open object to close");
        assertThat(JacksonMessages.clean(
                        "Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash"))
                .isEqualTo("a string holds a control character (code 10); write it escaped, for example \\n");
        assertThat(JacksonMessages.clean("Invalid numeric value: Leading zeroes not allowed"))
                .isEqualTo("a number starts with a zero followed by more digits");
        assertThat(JacksonMessages.clean(
                        "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("found 'NaN', which JSON does not allow as a number");
    }

    @Test
    void clean_keepsTheFirstLineOfAnUnknownComplaint() {
        assertThat(JacksonMessages.clean("Ends with a colon: ")).isEqualTo("Ends with a colon");
        assertThat(JacksonMessages.clean(null)).isEqualTo("unexpected content");
        assertThat(JacksonMessages.clean("  ")).isEqualTo("unexpected content");
    }
}
