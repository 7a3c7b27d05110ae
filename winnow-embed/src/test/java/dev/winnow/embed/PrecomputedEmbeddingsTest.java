package dev.winnow.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecomputedEmbeddingsTest {

    @TempDir
    Path dir;

    private Path file(String contents) throws IOException {
        return Files.writeString(dir.resolve("embeddings.csv"), contents);
    }

    private void assertFails(String contents, String message) throws IOException {
        Path path = file(contents);
        assertThatThrownBy(() -> PrecomputedEmbeddings.read(path))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage(message.replace("FILE", path.toString()));
    }

    @Test
    void read_normalisesRowsAndKeepsLabelsAndOrder() throws IOException {
        Path path = file("filenames,embedding_0,embedding_1,labels\n"
                + "b/img.png,3,4,7\r\n"
                + "\"a,odd \"\"name\"\".jpg\",0,-2,0\n"
                + "\n"
                + "zero.jpg,0,0,1\n");
        PrecomputedEmbeddings embeddings = PrecomputedEmbeddings.read(path);
        assertThat(embeddings.dimension()).isEqualTo(2);
        assertThat(embeddings.size()).isEqualTo(3);
        assertThat(embeddings.filenames()).containsExactly("b/img.png", "a,odd \"name\".jpg", "zero.jpg");
        assertThat(embeddings.find("b/img.png"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f));
        assertThat(embeddings.find("a,odd \"name\".jpg"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0f, -1f));
        assertThat(embeddings.find("zero.jpg"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0f, 0f));
        assertThat(embeddings.find("absent.jpg")).isEmpty();
        assertThat(embeddings.label("b/img.png")).contains(7);
        assertThat(embeddings.label("zero.jpg")).contains(1);
        assertThat(embeddings.require(List.of("zero.jpg", "b/img.png")))
                .isDeepEqualTo(new float[][] {{0f, 0f}, {0.6f, 0.8f}});
    }

    @Test
    void read_withoutLabelsColumnAndWithByteOrderMark() throws IOException {
        PrecomputedEmbeddings embeddings =
                PrecomputedEmbeddings.read(new StringReader("\uFEFFfilenames,embedding_0\nx.jpg,-5\n"), "inline.csv");
        assertThat(embeddings.dimension()).isEqualTo(1);
        assertThat(embeddings.find("x.jpg"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(-1f));
        assertThat(embeddings.label("x.jpg")).contains(0);
        assertThat(embeddings).hasToString("embeddings from 'inline.csv' (1 rows, 1 dimensions)");
    }

    @Test
    void require_namesTheMissingSamples() throws IOException {
        PrecomputedEmbeddings embeddings =
                PrecomputedEmbeddings.read(file("filenames,embedding_0,labels\na.jpg,1,0\n"));
        Path path = dir.resolve("embeddings.csv");
        assertThat(embeddings.missing(List.of("a.jpg", "b.jpg", "c.jpg"))).containsExactly("b.jpg", "c.jpg");
        assertThatThrownBy(() -> embeddings.require(List.of("a.jpg", "b.jpg")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The embeddings file '" + path + "' has no row for 1 sample: b.jpg.");
        assertThatThrownBy(() -> embeddings.require(List.of("1", "2", "3", "a.jpg", "4", "5", "6", "7")))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The embeddings file '" + path + "' has no row for 7 samples: 1, 2, 3, 4, 5 and 2 more.");
    }

    @Test
    void missingFile() {
        Path path = dir.resolve("absent.csv");
        assertThatThrownBy(() -> PrecomputedEmbeddings.read(path))
                .isInstanceOf(EmbeddingException.class)
                .hasMessage("The embeddings file '" + path + "' does not exist.");
    }

    @Test
    void emptyFile() throws IOException {
        assertFails(
                "",
                "The embeddings file 'FILE' is empty; expected the header "
                        + "'filenames,embedding_0,...,embedding_{d-1},labels'.");
    }

    @Test
    void headerErrors() throws IOException {
        assertFails(
                "name,embedding_0\n",
                "The embeddings file 'FILE' starts its header with 'name'; expected 'filenames'.");
        assertFails(
                "filenames,labels\n",
                "The header of the embeddings file 'FILE' has no embedding columns; expected "
                        + "'embedding_0' after 'filenames'.");
        assertFails(
                "filenames,embedding_0,embedding_2,labels\n",
                "Column 3 of the header of the embeddings file 'FILE' is 'embedding_2'; expected 'embedding_1'.");
        assertFails(
                "\"filenames,embedding_0\n",
                "The header of the embeddings file 'FILE' cannot be read: the quoted field that starts "
                        + "at column 1 is not closed.");
    }

    @Test
    void rowErrors() throws IOException {
        String header = "filenames,embedding_0,embedding_1,labels\n";
        assertFails(
                header + "a.jpg,1,2,0\nb.jpg,1,0\n",
                "Line 3 of the embeddings file 'FILE' has 3 columns, but the header has 4.");
        assertFails(
                header + "a.jpg,1,abc,0\n",
                "Line 2 of the embeddings file 'FILE' has 'abc' in column 'embedding_1'; expected a finite number.");
        assertFails(
                header + "a.jpg,NaN,1,0\n",
                "Line 2 of the embeddings file 'FILE' has 'NaN' in column 'embedding_0'; expected a finite number.");
        assertFails(
                header + "a.jpg,1e39,1,0\n",
                "Line 2 of the embeddings file 'FILE' has '1e39' in column 'embedding_0'; expected a finite number.");
        assertFails(
                header + "a.jpg,,1,0\n",
                "Line 2 of the embeddings file 'FILE' has '' in column 'embedding_0'; expected a finite number.");
        assertFails(
                header + "a.jpg,1,2,cat\n",
                "Line 2 of the embeddings file 'FILE' has 'cat' in column 'labels'; expected an integer.");
        assertFails(header + ",1,2,0\n", "Line 2 of the embeddings file 'FILE' has an empty file name.");
        assertFails(
                header + "a.jpg,1,2,0\nb.jpg,1,2,0\na.jpg,3,4,0\n",
                "Line 4 of the embeddings file 'FILE' repeats the file name 'a.jpg' of line 2.");
        assertFails(
                header + "\"a.jpg,1,2,0\n",
                "Line 2 of the embeddings file 'FILE' cannot be read: the quoted field that starts at "
                        + "column 1 is not closed.");
    }

    @Test
    void overlongLine_isRefusedWithoutBufferingIt() throws IOException {
        String huge = "x".repeat(PrecomputedEmbeddings.MAX_LINE_LENGTH + 1);
        assertFails(
                "filenames,embedding_0\n" + huge + ",1\n",
                "Line 2 of the embeddings file 'FILE' is longer than " + PrecomputedEmbeddings.MAX_LINE_LENGTH
                        + " characters.");
    }

    @Test
    void manyRows_growTheStorage() throws IOException {
        StringBuilder csv = new StringBuilder("filenames,embedding_0,embedding_1,embedding_2,labels\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("img")
                    .append(i)
                    .append(".jpg,")
                    .append(i)
                    .append(",0,0,")
                    .append(i % 3)
                    .append('\n');
        }
        PrecomputedEmbeddings embeddings = PrecomputedEmbeddings.read(file(csv.toString()));
        assertThat(embeddings.size()).isEqualTo(3000);
        assertThat(embeddings.find("img0.jpg"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(0f, 0f, 0f));
        assertThat(embeddings.find("img2999.jpg"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(1f, 0f, 0f));
        assertThat(embeddings.label("img2999.jpg")).contains(2);
    }
}
