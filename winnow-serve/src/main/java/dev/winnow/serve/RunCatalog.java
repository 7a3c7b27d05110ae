package dev.winnow.serve;

import dev.winnow.datasource.Datasource;
import dev.winnow.embed.PrecomputedEmbeddings;
import dev.winnow.format.io.Csv;
import dev.winnow.report.Projection2d;
import dev.winnow.run.RunFolder;
import dev.winnow.run.RunPipeline;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The complete runs in {@code <output>/.winnow/runs/}, as {@code winnow run} leaves them: their
 * selected samples and, where the run wrote its embeddings, the 2-D map of them (the report's
 * projection). Read on demand and kept, since a finished run never changes.
 */
final class RunCatalog {
    static final String RUNS = ".winnow/" + RunFolder.RUNS + "/";
    private static final long MAX_SELECTED_BYTES = 1L << 30;
    private static final long MAX_CROP_BYTES = 256L << 20;

    private final Datasource output;
    private final Map<String, Set<String>> selections = new ConcurrentHashMap<>();
    private final Map<String, RunMap> maps = new ConcurrentHashMap<>();
    private final Map<String, List<SelectedCrop>> crops = new ConcurrentHashMap<>();

    /** One run as the runs page lists it. */
    record RunInfo(String id, int selected, int crops, boolean hasMap, boolean hasReport) {}

    /**
     * A crop an object-level run selected, as its {@code selected_crops.csv} lists it: the crop's
     * name, its parent sample, the category and score of its prediction (score null when it has
     * none), and its PNG file relative to the run folder (null when the run wrote none).
     */
    record SelectedCrop(
            String crop,
            String parent,
            String category,
            @Nullable Double score,
            @Nullable String file) {}

    /** A run's map: the candidates, their coordinates and whether the run selected them. */
    record RunMap(List<String> names, double[] x, double[] y, boolean[] selected) {}

    RunCatalog(Datasource output) {
        this.output = output;
    }

    List<RunInfo> runs() throws IOException {
        List<RunInfo> runs = new ArrayList<>();
        for (String id : output.folders(RUNS)) {
            if (!isRunId(id)
                    || output.stat(RUNS + id + "/" + RunFolder.COMPLETE).isEmpty()) {
                continue;
            }
            runs.add(new RunInfo(
                    id,
                    readSelected(id).size(),
                    readCrops(id).size(),
                    output.stat(RUNS + id + "/embeddings.csv").isPresent(),
                    output.stat(RUNS + id + "/report.html").isPresent()));
        }
        return runs;
    }

    /**
     * The run that finished last (its {@code run.complete} is the newest), if there is any; one stat
     * per run, none of the runs' files read.
     */
    Optional<String> latest() throws IOException {
        String latest = null;
        long newest = Long.MIN_VALUE;
        for (String id : output.folders(RUNS)) {
            Optional<Datasource.FileStat> complete =
                    isRunId(id) ? output.stat(RUNS + id + "/" + RunFolder.COMPLETE) : Optional.empty();
            if (complete.isPresent() && complete.get().lastModifiedMillis() >= newest) {
                newest = complete.get().lastModifiedMillis();
                latest = id;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The samples run {@code id} selected, in selection order. */
    Set<String> selected(String id) throws IOException, QueryException {
        requireRun(id);
        return readSelected(id);
    }

    private Set<String> readSelected(String id) throws IOException {
        Set<String> cached = selections.get(id);
        if (cached != null) {
            return cached;
        }
        String text = new String(
                output.readAllBytes(RUNS + id + "/selected.txt", MAX_SELECTED_BYTES), StandardCharsets.UTF_8);
        Set<String> names = new LinkedHashSet<>();
        text.lines().filter(l -> !l.isEmpty()).forEach(names::add);
        selections.put(id, names);
        return names;
    }

    /** The crops run {@code id} selected, in selection order; empty for a run of whole samples. */
    List<SelectedCrop> crops(String id) throws IOException, QueryException {
        requireRun(id);
        return readCrops(id);
    }

    /** The PNG of crop {@code crop} of run {@code id}; only a crop its {@code selected_crops.csv} lists is read. */
    byte[] cropPicture(String id, String crop) throws IOException, QueryException {
        for (SelectedCrop c : crops(id)) {
            if (c.crop().equals(crop) && c.file() != null) {
                return output.readAllBytes(RUNS + id + "/" + c.file(), MAX_CROP_BYTES);
            }
        }
        throw new QueryException("Run " + id + " selected no crop called " + SampleNames.printable(crop) + ".");
    }

    private List<SelectedCrop> readCrops(String id) throws IOException {
        List<SelectedCrop> cached = crops.get(id);
        if (cached != null) {
            return cached;
        }
        String table = RUNS + id + "/" + RunPipeline.SELECTED_CROPS;
        List<SelectedCrop> list = new ArrayList<>();
        if (output.stat(table).isPresent()) {
            // The crops' PNG files are crops/<task>/<crop>.png; one listing finds them all, not a stat per crop.
            String cropsFolder = RUNS + id + "/crops/";
            Map<String, String> pictures = new HashMap<>();
            for (String path : output.list(cropsFolder)) {
                String relative = path.substring(cropsFolder.length());
                int slash = relative.indexOf('/');
                if (slash > 0 && relative.endsWith(".png")) {
                    pictures.putIfAbsent(
                            relative.substring(slash + 1, relative.length() - ".png".length()), "crops/" + relative);
                }
            }
            List<String> lines = new String(output.readAllBytes(table, MAX_SELECTED_BYTES), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isEmpty())
                    .toList();
            for (int k = 1; k < lines.size(); k++) {
                List<String> fields = Csv.split(lines.get(k));
                if (fields.size() != 8) {
                    throw new IOException(table + " line " + (k + 1) + " has " + fields.size()
                            + " fields; crop,parent,x,y,width,height,category,score has 8.");
                }
                String file = SampleNames.isPlain(fields.get(0)) ? pictures.get(fields.get(0)) : null;
                String score = fields.get(7);
                list.add(new SelectedCrop(
                        fields.get(0),
                        fields.get(1),
                        fields.get(6),
                        score.isEmpty() ? null : Double.valueOf(score),
                        file));
            }
        }
        List<SelectedCrop> kept = List.copyOf(list);
        crops.put(id, kept);
        return kept;
    }

    /** The bytes of run {@code id}'s {@code report.html}. */
    byte[] report(String id) throws IOException, QueryException {
        requireRun(id);
        String file = RUNS + id + "/report.html";
        if (output.stat(file).isEmpty()) {
            throw new QueryException("Run " + id + " wrote no report.html.");
        }
        return output.readAllBytes(file, Long.MAX_VALUE);
    }

    /** The map of run {@code id}; {@link QueryException} when the run wrote no embeddings. */
    RunMap map(String id) throws IOException, QueryException {
        RunMap cached = maps.get(id);
        if (cached != null) {
            return cached;
        }
        requireRun(id);
        String file = RUNS + id + "/embeddings.csv";
        if (output.stat(file).isEmpty()) {
            throw new QueryException("Run " + id + " wrote no embeddings.csv, so it has no map.");
        }
        String text = new String(output.readAllBytes(file, Long.MAX_VALUE), StandardCharsets.UTF_8);
        PrecomputedEmbeddings embeddings = PrecomputedEmbeddings.read(new StringReader(text), file);
        List<String> names = embeddings.filenames();
        float[][] rows = new float[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            rows[i] = embeddings.find(names.get(i)).orElseThrow();
        }
        Projection2d.Result projection = Projection2d.of(rows);
        Set<String> selected = readSelected(id);
        boolean[] picked = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            picked[i] = selected.contains(names.get(i));
        }
        RunMap map = new RunMap(List.copyOf(names), projection.x(), projection.y(), picked);
        maps.put(id, map);
        return map;
    }

    /** The samples of run {@code id}'s map inside {@code polygon} (x, y pairs in map coordinates). */
    Set<String> inside(String id, double[] polygon) throws IOException, QueryException {
        RunMap map = map(id);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < map.names().size(); i++) {
            if (contains(polygon, map.x()[i], map.y()[i])) {
                names.add(map.names().get(i));
            }
        }
        return names;
    }

    private void requireRun(String id) throws IOException, QueryException {
        if (!isRunId(id) || output.stat(RUNS + id + "/" + RunFolder.COMPLETE).isEmpty()) {
            throw new QueryException("There is no complete run " + id + " in " + RUNS + ".");
        }
    }

    private static boolean isRunId(String id) {
        try {
            RunFolder.requireValidId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Even-odd rule: a ray to the right crosses the polygon's edges an odd number of times. */
    static boolean contains(double[] polygon, double x, double y) {
        boolean inside = false;
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i];
            double yi = polygon[2 * i + 1];
            double xj = polygon[2 * j];
            double yj = polygon[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
