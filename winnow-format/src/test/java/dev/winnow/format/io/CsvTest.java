package dev.winnow.format.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void split_plainFields() {
        assertThat(Csv.split("a.jpg,cat,0.5")).containsExactly("a.jpg", "cat", "0.5");
        assertThat(Csv.split("a,,")).containsExactly("a", "", "");
        assertThat(Csv.split("")).containsExactly("");
    }

    @Test
    void split_quotedFieldHoldsCommasAndDoubledQuotes() {
        assertThat(Csv.split("\"a, b.jpg\",\"say \"\"hi\"\"\",\"\"")).containsExactly("a, b.jpg", "say \"hi\"", "");
        assertThat(Csv.split("x,\"\"\"\"")).containsExactly("x", "\"");
    }

    @Test
    void split_dropsTheCarriageReturnOfACrlfEnding() {
        assertThat(Csv.split("a.jpg,\"b,c\"\r")).containsExactly("a.jpg", "b,c");
        assertThat(Csv.split("a.jpg,1\r")).containsExactly("a.jpg", "1");
    }

    @Test
    void split_quoteInsideAnUnquotedFieldIsText() {
        assertThat(Csv.split("a\"b,c")).containsExactly("a\"b", "c");
    }

    @Test
    void split_refusesAnUnclosedQuote() {
        assertThatThrownBy(() -> Csv.split("a.jpg,\"cat,0.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the quoted field that starts at column 7 is not closed");
    }

    @Test
    void split_refusesTextAfterAClosingQuote() {
        assertThatThrownBy(() -> Csv.split("\"a\"b,c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the quoted field that starts at column 1 is followed by text before the next comma");
    }

    @Test
    void quote_onlyWhereNeeded() {
        assertThat(Csv.quote("a.jpg")).isEqualTo("a.jpg");
        assertThat(Csv.quote("a, b.jpg")).isEqualTo("\"a, b.jpg\"");
        assertThat(Csv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.quote("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void writtenLinesReadBack() {
        List<String> values = List.of("plain", "a, b", "\"quoted\"", "", "x\"y");
        Csv csv = new Csv();
        values.forEach(csv::field);
        String text = csv.endLine()
                .field("next")
                .field(2.5)
                .field(3.0)
                .field(7L)
                .field(Double.NaN)
                .endLine()
                .toString();
        assertThat(text).isEqualTo("plain,\"a, b\",\"\"\"quoted\"\"\",,\"x\"\"y\"\nnext,2.5,3,7,\n");
        assertThat(Csv.split(text.lines().findFirst().orElseThrow())).isEqualTo(values);
    }
}
