package dev.winnow.format.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.format.BoundingBox;
import dev.winnow.format.RleMask;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolygonRasterizerTest {

    /** Masks pycocotools drew (frPyObjects, decode, union of the parts); bench/polygon_fixtures.py made the file. */
    private static final String FIXTURES = "pycocotools-polygons.json";

    @Test
    void rectangleOnHalfPixels_coversCocoArea() {
        // x from 98 to 110.5, y from 10 to 19.5: COCO's tools draw columns 98..110 and rows 10..19.
        RleMask mask =
                PolygonRasterizer.rasterize(List.of(new double[] {98, 10, 110.5, 10, 110.5, 19.5, 98, 19.5}), 40, 130);
        assertThat(mask.area()).isEqualTo(130);
        assertThat(mask.boundingBox(130)).isEqualTo(new BoundingBox(98, 10, 13, 10));
    }

    @Test
    void everyFixture_pixelForPixelAsPycocotools() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream(FIXTURES)) {
            cases = JsonMapper.builder().build().readTree(in);
        }
        assertThat(cases.size()).isEqualTo(316);
        int checked = 0;
        for (JsonNode c : cases) {
            int h = c.get("height").asInt();
            int w = c.get("width").asInt();
            List<double[]> polygons = new ArrayList<>();
            for (JsonNode p : c.get("polygons")) {
                double[] xy = new double[p.size()];
                for (int i = 0; i < xy.length; i++) {
                    xy[i] = p.get(i).asDouble();
                }
                polygons.add(xy);
            }
            boolean[] expected = columnMajorToRows(c.get("counts"), h, w);
            RleMask mask = PolygonRasterizer.rasterize(polygons, h, w);
            assertThat(mask.decode(h * w)).as(c.get("name").asString()).isEqualTo(expected);
            assertThat(mask.area())
                    .as(c.get("name").asString())
                    .isEqualTo(c.get("area").asLong());
            checked++;
        }
        assertThat(checked).isEqualTo(316);
    }

    /** COCO's column-major runs (0s first) decoded pixel by pixel into row-major order. */
    private static boolean[] columnMajorToRows(JsonNode counts, int h, int w) {
        boolean[] rows = new boolean[h * w];
        int position = 0;
        boolean value = false;
        for (JsonNode run : counts) {
            for (int i = 0; i < run.asInt(); i++, position++) {
                int x = position / h;
                int y = position % h;
                rows[y * w + x] = value;
            }
            value = !value;
        }
        assertThat(position).isEqualTo(h * w);
        return rows;
    }

    @Test
    void twoPolygons_areUnited() {
        // Corners on whole pixels: columns and rows 0..2 and 2..4 (pixel centres strictly inside), sharing pixel (2,
        // 2).
        RleMask mask = PolygonRasterizer.rasterize(
                List.of(new double[] {0, 0, 3, 0, 3, 3, 0, 3}, new double[] {2, 2, 5, 2, 5, 5, 2, 5}), 6, 6);
        assertThat(mask.area()).isEqualTo(9 + 9 - 1);
    }

    @Test
    void malformedPolygons() {
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {1, 2, 3}), 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Polygon 0 has 3 coordinates; a polygon needs an even number (x and y of each point).");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(
                        List.of(new double[] {0, 0, 1, 1, 2, 0}, new double[] {1, 2, 3, 4}), 4, 4))
                .hasMessage("Polygon 1 has 2 points; a polygon needs at least 3.");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {0, 0, 1, Double.NaN, 2, 0}), 4, 4))
                .hasMessage("Polygon 0 has the coordinate NaN at position 3; coordinates must be finite numbers.");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {0, 0, 2e8, 0, 2, 2}), 4, 4))
                .hasMessage("Polygon 0 has the coordinate 2.0E8 at position 2; coordinates must lie within "
                        + "-100000000 and 100000000.");
        assertThatThrownBy(() -> PolygonRasterizer.rasterize(List.of(new double[] {0, 0, 9e7, 0, 0, 9e7}), 4, 4))
                .hasMessage("Polygon 0 has an outline of 270000000 pixels, longer than Winnow rasterises (40000000).");
    }
}
