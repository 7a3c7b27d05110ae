package dev.winnow.convert.coco;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.convert.BackgroundWriter;
import dev.winnow.convert.PredictionsFolder;
import dev.winnow.datasource.LocalDatasource;
import dev.winnow.format.Category;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.TaskType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyFilesTest {
    @TempDir
    Path dir;

    /**
     * Adds one fragment "{n}" per entry of {@code order} (image positions) and returns how many files were rewritten.
     */
    private int convert(int imageCount, int... order) throws Exception {
        ImageIndex images = new ImageIndex();
        for (int i = 0; i < imageCount; i++) {
            images.add(100 + i, "img" + i + ".jpg", 10, 10);
        }
        FragmentStore fragments = new FragmentStore(imageCount);
        PredictionsFolder folder = PredictionsFolder.open(LocalDatasource.create(dir), "t", false);
        EarlyFiles files;
        try (BackgroundWriter writer = new BackgroundWriter(folder, 3, 4)) {
            files = new EarlyFiles(folder, images, fragments, writer);
            for (int n = 0; n < order.length; n++) {
                fragments.add(order[n], "{" + n + "}");
                files.added(order[n]);
            }
            files.finish();
        }
        folder.finish(new TaskSchema(TaskType.OBJECT_DETECTION, List.of(Category.of(0, "a"))));
        return files.rewritten();
    }

    private String file(int image) throws Exception {
        return Files.readString(dir.resolve(".lightly/predictions/t/img" + image + ".json"));
    }

    @Test
    void annotationsInImageOrder_writeEveryFileOnce() throws Exception {
        assertThat(convert(6, 0, 0, 2, 3, 3, 3)).isZero();

        assertThat(file(0)).isEqualTo("{\"file_name\":\"img0.jpg\",\"predictions\":[{0},{1}]}\n");
        assertThat(file(1)).isEqualTo("{\"file_name\":\"img1.jpg\",\"predictions\":[]}\n");
        assertThat(file(2)).isEqualTo("{\"file_name\":\"img2.jpg\",\"predictions\":[{2}]}\n");
        assertThat(file(3)).isEqualTo("{\"file_name\":\"img3.jpg\",\"predictions\":[{3},{4},{5}]}\n");
        assertThat(file(5)).isEqualTo("{\"file_name\":\"img5.jpg\",\"predictions\":[]}\n");
    }

    @Test
    void aLateAnnotation_rewritesItsImageWithEverythingInFileOrder() throws Exception {
        assertThat(convert(4, 0, 2, 0, 3, 1)).isEqualTo(2);

        assertThat(file(0)).isEqualTo("{\"file_name\":\"img0.jpg\",\"predictions\":[{0},{2}]}\n");
        assertThat(file(1)).isEqualTo("{\"file_name\":\"img1.jpg\",\"predictions\":[{4}]}\n");
        assertThat(file(2)).isEqualTo("{\"file_name\":\"img2.jpg\",\"predictions\":[{1}]}\n");
        assertThat(file(3)).isEqualTo("{\"file_name\":\"img3.jpg\",\"predictions\":[{3}]}\n");
    }

    @Test
    void aFarJump_endsEarlyWritingSoNothingIsRewritten() throws Exception {
        int count = EarlyFiles.MAX_JUMP + 10;
        assertThat(convert(count, count - 1, 0, 5, count - 1)).isZero();

        assertThat(file(0)).isEqualTo("{\"file_name\":\"img0.jpg\",\"predictions\":[{1}]}\n");
        assertThat(file(5)).isEqualTo("{\"file_name\":\"img5.jpg\",\"predictions\":[{2}]}\n");
        assertThat(file(count - 1))
                .isEqualTo("{\"file_name\":\"img" + (count - 1) + ".jpg\",\"predictions\":[{0},{3}]}\n");
        assertThat(file(7)).isEqualTo("{\"file_name\":\"img7.jpg\",\"predictions\":[]}\n");
    }
}
