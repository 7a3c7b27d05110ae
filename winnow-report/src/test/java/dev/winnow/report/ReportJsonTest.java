package dev.winnow.report;

import static dev.winnow.report.ReportFixtures.frame;
import static dev.winnow.report.ReportFixtures.picture;
import static dev.winnow.report.ReportFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class ReportJsonTest {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void videosAndObjectLevel_roundTrip() {
        VideoStrip tree = new VideoStrip(
                "street/tree.mp4",
                68,
                4,
                List.of(0, 12, 64),
                List.of(frame("street/tree.mp4", 0, 68), frame("street/tree.mp4", 4, 68)));
        VideoStrip night = new VideoStrip("cam/night \"1\".mov", 11, 1, List.of(), List.of());
        ObjectLevelSummary objects = new ObjectLevelSummary(
                "detections",
                0.1,
                1234,
                300,
                List.of(
                        new CropThumbnail(
                                "street/home-detections-3",
                                "street/home.jpg",
                                "car",
                                0.875,
                                "crops/detections/street/home-detections-3.png",
                                picture("c1")),
                        new CropThumbnail(
                                "a<b>-detections-0",
                                "a<b>.png",
                                "cup & saucer",
                                1,
                                "crops/detections/a<b>-detections-0.png",
                                picture("c2"))));

        JsonNode root =
                MAPPER.readTree(ReportJson.toJson(report(List.of(), List.of(tree, night), Optional.of(objects))));

        assertThat(fieldNames(root))
                .containsExactly(
                        "run_id",
                        "started_at",
                        "seconds",
                        "input",
                        "output",
                        "seed",
                        "counts",
                        "diagnostics",
                        "tasks",
                        "videos",
                        "object_level");
        JsonNode videos = root.get("videos");
        assertThat(videos.size()).isEqualTo(2);
        assertThat(fieldNames(videos.get(0)))
                .containsExactly("video", "frame_count", "frame_stride", "selected_frames", "thumbnail_frames");
        assertThat(videos.get(0).get("video").asString()).isEqualTo("street/tree.mp4");
        assertThat(videos.get(0).get("frame_count").asInt()).isEqualTo(68);
        assertThat(videos.get(0).get("frame_stride").asInt()).isEqualTo(4);
        assertThat(videos.get(0).get("selected_frames").toString()).isEqualTo("[0,12,64]");
        assertThat(videos.get(0).get("thumbnail_frames").toString()).isEqualTo("[0,4]");
        assertThat(videos.get(1).get("video").asString()).isEqualTo("cam/night \"1\".mov");
        assertThat(videos.get(1).get("frame_count").asInt()).isEqualTo(11);
        assertThat(videos.get(1).get("frame_stride").asInt()).isEqualTo(1);
        assertThat(videos.get(1).get("selected_frames").toString()).isEqualTo("[]");
        assertThat(videos.get(1).get("thumbnail_frames").toString()).isEqualTo("[]");

        JsonNode o = root.get("object_level");
        assertThat(fieldNames(o)).containsExactly("task_name", "padding", "crops", "parents", "thumbnails");
        assertThat(o.get("task_name").asString()).isEqualTo("detections");
        assertThat(o.get("padding").asDouble()).isEqualTo(0.1);
        assertThat(o.get("crops").asInt()).isEqualTo(1234);
        assertThat(o.get("parents").asInt()).isEqualTo(300);
        JsonNode crops = o.get("thumbnails");
        assertThat(crops.size()).isEqualTo(2);
        assertThat(fieldNames(crops.get(0))).containsExactly("crop", "parent", "category", "score", "file");
        assertThat(crops.get(0).get("crop").asString()).isEqualTo("street/home-detections-3");
        assertThat(crops.get(0).get("parent").asString()).isEqualTo("street/home.jpg");
        assertThat(crops.get(0).get("category").asString()).isEqualTo("car");
        assertThat(crops.get(0).get("score").asDouble()).isEqualTo(0.875);
        assertThat(crops.get(0).get("file").asString()).isEqualTo("crops/detections/street/home-detections-3.png");
        assertThat(crops.get(1).get("crop").asString()).isEqualTo("a<b>-detections-0");
        assertThat(crops.get(1).get("parent").asString()).isEqualTo("a<b>.png");
        assertThat(crops.get(1).get("category").asString()).isEqualTo("cup & saucer");
        assertThat(crops.get(1).get("score").asDouble()).isEqualTo(1.0);
        assertThat(crops.get(1).get("file").asString()).isEqualTo("crops/detections/a<b>-detections-0.png");
    }

    @Test
    void imageRun_hasNeitherVideosNorObjectLevel() {
        JsonNode root = MAPPER.readTree(ReportJson.toJson(report(List.of("b.png"), List.of(), Optional.empty())));

        assertThat(fieldNames(root))
                .containsExactly(
                        "run_id", "started_at", "seconds", "input", "output", "seed", "counts", "diagnostics", "tasks");
    }

    @Test
    void objectLevelWithoutSelectedCrops_hasAnEmptyList() {
        String json = ReportJson.toJson(
                report(List.of(), List.of(), Optional.of(new ObjectLevelSummary("kp", 0, 0, 0, List.of()))));

        assertThat(json).endsWith("""
                  "object_level" : {
                    "task_name" : "kp",
                    "padding" : 0.0,
                    "crops" : 0,
                    "parents" : 0,
                    "thumbnails" : [ ]
                  }
                }
                """);
    }
}
