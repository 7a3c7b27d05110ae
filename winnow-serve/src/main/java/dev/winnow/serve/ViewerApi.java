package dev.winnow.serve;

import dev.winnow.convert.ConversionException;
import dev.winnow.convert.coco.CocoExportOptions;
import dev.winnow.convert.coco.CocoExporter;
import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.PredictionsFiles;
import dev.winnow.format.Category;
import dev.winnow.format.PredictionsLayout;
import dev.winnow.format.TaskSchema;
import dev.winnow.format.validate.FileResult;
import dev.winnow.format.validate.ValidationOptions;
import dev.winnow.media.ImageSize;
import dev.winnow.media.VideoDecoders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON answers behind the pages, independent of HTTP: each method takes the request's
 * parameters and returns the JSON text, or throws {@link QueryException} (a bad request) or
 * {@link NotFoundException} (no such sample, run or tag).
 */
final class ViewerApi {
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    /** How many neighbouring frames on each side of a frame its sample page shows. */
    static final int STRIP_SIDE = 5;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final Datasource input;
    private final Datasource output;
    private final SampleIndex index;
    private final SampleOrder order;
    private final RunCatalog runs;
    private final TagStore tags;
    private final Pictures pictures;
    private final Map<String, TaskSchema> schemas = new LinkedHashMap<>();
    private final long maxFileBytes;

    /** A name, run or tag that does not exist; answered with 404. */
    static final class NotFoundException extends Exception {
        NotFoundException(String message) {
            super(message);
        }
    }

    /** A lookup of a run or tag by name, refused with a QueryException when there is none by that name. */
    @FunctionalInterface
    private interface Lookup<T> {
        T get() throws IOException, QueryException;
    }

    /** {@code lookup}'s answer; a run or tag that does not exist becomes a NotFoundException (404) with its message. */
    private static <T> T found(Lookup<T> lookup) throws IOException, NotFoundException {
        try {
            return lookup.get();
        } catch (QueryException e) {
            throw new NotFoundException(String.valueOf(e.getMessage()));
        }
    }

    /** The index this API answers from. */
    SampleIndex sampleIndex() {
        return index;
    }

    ViewerApi(Datasource input, Datasource output, SampleIndex index, boolean writable) throws IOException {
        this.input = input;
        this.output = output;
        this.index = index;
        this.order = new SampleOrder(index);
        this.runs = new RunCatalog(output);
        this.tags = new TagStore(output, writable);
        this.pictures = new Pictures(input, new VideoFrames(input, VideoDecoders.standard()));
        ValidationOptions options = ValidationOptions.defaults();
        this.maxFileBytes = options.limits().maxFileBytes();
        PredictionsFiles files = new PredictionsFiles(output, 1L << 20);
        for (TaskColumns t : index.tasks()) {
            FileResult<TaskSchema> schema = PredictionsLayout.readSchema(files, t.name(), options);
            schema.value().ifPresent(s -> schemas.put(t.name(), s));
        }
    }

    RunCatalog runCatalog() {
        return runs;
    }

    Pictures pictures() {
        return pictures;
    }

    /** The tasks with their classes and scores, the metadata fields and the sample count. */
    String tasks() {
        ObjectNode root = JSON.createObjectNode();
        root.put("samples", index.sampleCount());
        ArrayNode tasks = root.putArray("tasks");
        for (TaskColumns t : index.tasks()) {
            ObjectNode task = tasks.addObject();
            task.put("name", t.name());
            task.put("type", t.type().wireName());
            ArrayNode classes = task.putArray("classes");
            TaskSchema schema = schemas.get(t.name());
            if (schema != null) {
                schema.categories().stream()
                        .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                        .forEach(c -> {
                            ObjectNode o = classes.addObject();
                            o.put("id", c.id());
                            o.put("name", c.name());
                            if (!c.keypoints().isEmpty()) {
                                ArrayNode kp = o.putArray("keypoints");
                                c.keypoints().forEach(kp::add);
                                ArrayNode skeleton = o.putArray("skeleton");
                                for (Category.SkeletonEdge e : c.skeleton()) {
                                    skeleton.addArray().add(e.from()).add(e.to());
                                }
                            }
                        });
            }
            ArrayNode scores = task.putArray("scores");
            t.activeLearning().keySet().forEach(scores::add);
        }
        ArrayNode fields = root.putArray("metadata");
        index.metadata().keySet().forEach(fields::add);
        return root.toString();
    }

    /** One page of the samples passing the filter, in the asked order, with the counts of the whole filter. */
    String samples(Map<String, List<String>> params) throws QueryException, IOException {
        SampleFilter filter = SampleFilter.parse(index, params, sets());
        int[] sorted = order.order(first(params, "sort"));
        int page = number(params, "page", 1, 1, Integer.MAX_VALUE);
        int size = number(params, "size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        BitSet matches = filter.matches();
        long skip = (long) (page - 1) * size;
        List<Integer> shown = new ArrayList<>();
        for (int i = 0, seen = 0; i < sorted.length && shown.size() < size; i++) {
            if (matches.get(sorted[i]) && seen++ >= skip) {
                shown.add(sorted[i]);
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("total", matches.cardinality());
        root.put("page", page);
        root.put("size", size);
        ObjectNode classes = root.putObject("classes");
        for (TaskColumns t : index.tasks()) {
            int[] counts = new int[t.classes().size()];
            boolean[] seen = new boolean[t.classes().size()];
            for (int s = matches.nextSetBit(0); s >= 0; s = matches.nextSetBit(s + 1)) {
                Arrays.fill(seen, false);
                for (int k = t.start()[s]; k < t.start()[s + 1]; k++) {
                    int c = t.classIndex()[k];
                    if (!seen[c]) {
                        seen[c] = true;
                        counts[c]++;
                    }
                }
            }
            ObjectNode perClass = classes.putObject(t.name());
            for (int c = 0; c < counts.length; c++) {
                perClass.put(t.classes().get(c), counts[c]);
            }
        }
        ArrayNode samples = root.putArray("samples");
        for (int s : shown) {
            ObjectNode sample = samples.addObject();
            sample.put("name", index.name(s));
            sample.put("size", index.size(s));
            putSize(sample, index.name(s));
            sample.set("scores", scores(s));
            ObjectNode predictions = sample.putObject("predictions");
            for (TaskColumns t : index.tasks()) {
                if (t.present()[s]) {
                    JsonNode file = predictionFile(t.name(), index.name(s));
                    JsonNode list = file.get("predictions");
                    predictions.set(t.name(), list == null ? JSON.createArrayNode() : list);
                }
            }
        }
        return root.toString();
    }

    /** Everything about one sample: predictions as their files hold them, scores, metadata, runs, tags. */
    String sample(String name) throws IOException, NotFoundException {
        int s = position(name);
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("size", index.size(s));
        putSize(root, name);
        String problem = pictures.problem(name);
        if (problem == null) {
            root.putNull("problem");
        } else {
            root.put("problem", problem);
        }
        Optional<VideoFrames.Frame> frame = pictures.frame(name);
        if (frame.isPresent()) {
            ObjectNode video = root.putObject("video");
            video.put("file", frame.get().video());
            video.put("frame", frame.get().index());
            video.put("frames", frame.get().frameCount());
            ArrayNode strip = video.putArray("strip");
            strip(s, frame.get()).forEach(strip::add);
        }
        ObjectNode predictions = root.putObject("predictions");
        for (TaskColumns t : index.tasks()) {
            if (t.present()[s]) {
                predictions.set(t.name(), predictionFile(t.name(), name));
            }
        }
        root.set("scores", scores(s));
        ObjectNode metadata = root.putObject("metadata");
        for (String field : index.metadata().keySet()) {
            String value = index.metadataValue(field, s);
            if (value != null) {
                metadata.put(field, value);
            }
        }
        ArrayNode selectedBy = root.putArray("runs");
        for (RunCatalog.RunInfo run : runs.runs()) {
            try {
                if (runs.selected(run.id()).contains(name)) {
                    selectedBy.add(run.id());
                }
            } catch (QueryException e) {
                // The run went away since it was listed.
            }
        }
        ArrayNode tagged = root.putArray("tags");
        for (String tag : tags.tags().keySet()) {
            try {
                if (tags.members(tag).contains(name)) {
                    tagged.add(tag);
                }
            } catch (QueryException e) {
                // The tag went away since it was listed.
            }
        }
        return root.toString();
    }

    /**
     * The samples that are frames of the same video as sample {@code s}, up to {@value #STRIP_SIDE}
     * on each side of it in frame order, itself included. The index is sorted by name and a video's
     * frame names differ only in their zero-padded index, so they are neighbours in it.
     */
    private List<String> strip(int s, VideoFrames.Frame frame) {
        int from = s;
        while (from > 0 && s - from < STRIP_SIDE && sameVideo(from - 1, frame)) {
            from--;
        }
        int to = s;
        while (to + 1 < index.sampleCount() && to - s < STRIP_SIDE && sameVideo(to + 1, frame)) {
            to++;
        }
        return index.names().subList(from, to + 1);
    }

    private boolean sameVideo(int s, VideoFrames.Frame frame) {
        Optional<VideoFrames.Frame> other = pictures.frame(index.name(s));
        return other.isPresent() && other.get().video().equals(frame.video());
    }

    /** The run's own report page, as {@code winnow run} wrote it (self-contained, no network). */
    byte[] report(String runId) throws IOException, NotFoundException {
        return found(() -> runs.report(runId));
    }

    String runs() throws IOException {
        ArrayNode list = JSON.createArrayNode();
        for (RunCatalog.RunInfo run : runs.runs()) {
            ObjectNode o = list.addObject();
            o.put("id", run.id());
            o.put("selected", run.selected());
            o.put("crops", run.crops());
            o.put("map", run.hasMap());
            o.put("report", run.hasReport());
        }
        ObjectNode root = JSON.createObjectNode();
        root.set("runs", list);
        return root.toString();
    }

    /**
     * The crops run {@code runId} selected: each crop's name, parent sample, category, score and whether it has a
     * picture.
     */
    String crops(String runId) throws IOException, NotFoundException {
        List<RunCatalog.SelectedCrop> list = found(() -> runs.crops(runId));
        ObjectNode root = JSON.createObjectNode();
        root.put("run", runId);
        ArrayNode crops = root.putArray("crops");
        for (RunCatalog.SelectedCrop c : list) {
            ObjectNode o = crops.addObject();
            o.put("crop", c.crop());
            o.put("parent", c.parent());
            o.put("category", c.category());
            if (c.score() == null) {
                o.putNull("score");
            } else {
                o.put("score", c.score());
            }
            o.put("picture", c.file() != null);
        }
        return root.toString();
    }

    /** The PNG of one crop of run {@code runId}. */
    byte[] cropPicture(String runId, String crop) throws IOException, NotFoundException {
        return found(() -> runs.cropPicture(runId, crop));
    }

    /** The run's map: names, coordinates, selection flags, and each point's class in the first task it has one. */
    String map(@Nullable String runId) throws IOException, QueryException, NotFoundException {
        RunCatalog.RunMap map = runMap(runId);
        ObjectNode root = JSON.createObjectNode();
        root.put("run", runId);
        ArrayNode names = root.putArray("names");
        ArrayNode x = root.putArray("x");
        ArrayNode y = root.putArray("y");
        ArrayNode selected = root.putArray("selected");
        ArrayNode labels = root.putArray("labels");
        for (int i = 0; i < map.names().size(); i++) {
            names.add(map.names().get(i));
            x.add(map.x()[i]);
            y.add(map.y()[i]);
            selected.add(map.selected()[i]);
            String label = pointLabel(map.names().get(i));
            if (label == null) {
                labels.addNull();
            } else {
                labels.add(label);
            }
        }
        return root.toString();
    }

    /** The map of run {@code runId}; both map answers ask for it the same way. */
    private RunCatalog.RunMap runMap(@Nullable String runId) throws IOException, QueryException, NotFoundException {
        if (runId == null || runId.isEmpty()) {
            throw new QueryException("map needs run=ID; the runs are listed at /api/runs.");
        }
        return found(() -> runs.map(runId));
    }

    /** A map point's class: its sample's class in the first task that has one, or null. */
    private @Nullable String pointLabel(String name) {
        Optional<Integer> position = index.position(name);
        return position.isPresent() ? label(position.get()) : null;
    }

    /**
     * The run's map for drawing, in one binary answer (little-endian): the 4 bytes {@code WMAP}, the
     * format version (1), the point count n and the length h of a JSON header as unsigned 32-bit
     * integers, the header ({@code {"run": ID, "labels": [...]}}, padded with spaces to a multiple of
     * 4 bytes), then x[n] and y[n] as 32-bit floats, each point's label as an unsigned 16-bit index
     * into the header's labels (65535: none), and a selected flag per point as one byte (1: the run
     * selected it). Points are in the order of {@link #map}. A million points take 11 MB instead of
     * the JSON's tens.
     */
    byte[] mapPoints(@Nullable String runId) throws IOException, QueryException, NotFoundException {
        RunCatalog.RunMap map = runMap(runId);
        int n = map.names().size();
        String[] labels = new String[n];
        TreeSet<String> distinct = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            labels[i] = pointLabel(map.names().get(i));
            if (labels[i] != null) {
                distinct.add(labels[i]);
            }
        }
        List<String> labelList = List.copyOf(distinct);
        if (labelList.size() >= 0xFFFF) {
            throw new QueryException(
                    "The map of run " + runId + " has " + labelList.size() + " classes; it can colour at most 65534.");
        }
        ObjectNode header = JSON.createObjectNode();
        header.put("run", runId);
        ArrayNode labelArray = header.putArray("labels");
        labelList.forEach(labelArray::add);
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 3) / 4 * 4;
        ByteBuffer out = ByteBuffer.allocate(16 + padded + n * (4 + 4 + 2 + 1)).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {'W', 'M', 'A', 'P'})
                .putInt(1)
                .putInt(n)
                .putInt(padded)
                .put(json);
        for (int k = json.length; k < padded; k++) {
            out.put((byte) ' ');
        }
        for (int i = 0; i < n; i++) {
            out.putFloat((float) map.x()[i]);
        }
        for (int i = 0; i < n; i++) {
            out.putFloat((float) map.y()[i]);
        }
        for (int i = 0; i < n; i++) {
            String label = labels[i];
            // The labels are sorted, so a binary search finds each one's index.
            out.putShort((short) (label == null ? 0xFFFF : Collections.binarySearch(labelList, label)));
        }
        for (int i = 0; i < n; i++) {
            out.put((byte) (map.selected()[i] ? 1 : 0));
        }
        return out.array();
    }

    /**
     * Active-learning score {@code al} of every point of run {@code runId}'s map, in the order of
     * {@link #mapPoints}, as little-endian 32-bit floats ({@code NaN} where a point's sample has no
     * such score or is not in the datasource): the map colours its points by them.
     */
    byte[] mapScores(@Nullable String runId, @Nullable String al)
            throws IOException, QueryException, NotFoundException {
        RunCatalog.RunMap map = runMap(runId);
        if (al == null || al.isEmpty()) {
            throw new QueryException("map scores need al=TASK.SCORE; the scores are listed at /api/tasks.");
        }
        float[] values = SampleFilter.activeLearningScores(index, al);
        int n = map.names().size();
        ByteBuffer out = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            Optional<Integer> position = index.position(map.names().get(i));
            out.putFloat(position.isPresent() ? values[position.get()] : Float.NaN);
        }
        return out.array();
    }

    /** Adds the samples named in the body ({@code {"names": [...]}} or {@code {"filter": "task=...&..."}}) to a tag. */
    String tag(String tag, String body) throws IOException, QueryException {
        TagStore.requireName(tag);
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new QueryException(
                    "The request body is not JSON; expected {\"names\": [...]} or {\"filter\": \"...\"}.");
        }
        List<String> names = new ArrayList<>();
        if (request != null && request.has("names") && request.get("names").isArray()) {
            for (JsonNode n : request.get("names")) {
                if (!n.isString() || index.position(n.asString()).isEmpty()) {
                    throw new QueryException("names holds " + n + ", which is not a sample of the index.");
                }
                names.add(n.asString());
            }
        } else if (request != null
                && request.has("filter")
                && request.get("filter").isString()) {
            Map<String, List<String>> params =
                    QueryString.parse(request.get("filter").asString());
            BitSet matches = SampleFilter.parse(index, params, sets()).matches();
            for (int s = matches.nextSetBit(0); s >= 0; s = matches.nextSetBit(s + 1)) {
                names.add(index.name(s));
            }
        } else {
            throw new QueryException("The request body must be {\"names\": [...]} or {\"filter\": \"...\"}.");
        }
        int total = tags.add(tag, names);
        ObjectNode root = JSON.createObjectNode();
        root.put("tag", tag);
        root.put("added", names.size());
        root.put("count", total);
        return root.toString();
    }

    String tagList() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode list = root.putObject("tags");
        tags.tags().forEach(list::put);
        return root.toString();
    }

    /** A tag's samples as a relevant-filenames file, a JSON list of names, or COCO (one task, via the exporter). */
    Export export(String tag, @Nullable String format, @Nullable String task)
            throws IOException, QueryException, NotFoundException {
        Set<String> members = found(() -> tags.members(tag));
        String kind = format == null || format.isEmpty() ? "relevant_filenames" : format;
        switch (kind) {
            case "relevant_filenames" -> {
                StringBuilder text = new StringBuilder();
                members.forEach(n -> text.append(n).append('\n'));
                return new Export(text.toString(), "text/plain; charset=utf-8", tag + "_relevant_filenames.txt");
            }
            case "names" -> {
                ArrayNode list = JSON.createArrayNode();
                members.forEach(list::add);
                return new Export(list.toString(), "application/json", tag + ".json");
            }
            case "coco" -> {
                return new Export(coco(members, task), "application/json", tag + "_coco.json");
            }
            default -> throw new QueryException("format=" + kind + " is not one of relevant_filenames, names, coco.");
        }
    }

    /** An export's text, media type and file name. */
    record Export(String text, String mimeType, String fileName) {}

    private String coco(Set<String> members, @Nullable String task) throws IOException, QueryException {
        String taskName = task;
        if (taskName == null || taskName.isEmpty()) {
            List<TaskColumns> boxed =
                    index.tasks().stream().filter(t -> t.type().hasBoxes()).toList();
            if (boxed.size() != 1) {
                throw new QueryException(
                        "format=coco needs task=NAME; the tasks are " + SampleFilter.knownTasks(index) + ".");
            }
            taskName = boxed.get(0).name();
        }
        if (index.task(taskName).isEmpty()) {
            throw new QueryException(
                    "task=" + taskName + " names no task; the tasks are " + SampleFilter.knownTasks(index) + ".");
        }
        Path temp = Files.createTempFile("winnow-tag-", ".json");
        try {
            CocoExporter.export(
                    new CocoExportOptions(output, taskName, temp, false, Optional.empty(), Optional.of(input)));
            JsonNode coco = JSON.readTree(temp.toFile());
            ObjectNode kept = JSON.createObjectNode();
            coco.properties().forEach(e -> kept.set(e.getKey(), e.getValue()));
            ArrayNode images = kept.putArray("images");
            Set<Long> ids = new HashSet<>();
            for (JsonNode image : coco.get("images")) {
                if (members.contains(image.get("file_name").asString())) {
                    images.add(image);
                    ids.add(image.get("id").asLong());
                }
            }
            ArrayNode annotations = kept.putArray("annotations");
            for (JsonNode a : coco.get("annotations")) {
                if (ids.contains(a.get("image_id").asLong())) {
                    annotations.add(a);
                }
            }
            return kept.toString();
        } catch (ConversionException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The position of {@code name}, which must be a sample of the index exactly as written. */
    int position(String name) throws NotFoundException {
        Optional<Integer> position = SampleNames.isPlain(name) ? index.position(name) : Optional.empty();
        if (position.isEmpty()) {
            throw new NotFoundException("There is no sample called " + SampleNames.printable(name) + ".");
        }
        return position.get();
    }

    private void putSize(ObjectNode node, String sample) {
        ImageSize size = pictures.size(sample);
        if (size == null) {
            node.putNull("width");
            node.putNull("height");
        } else {
            node.put("width", size.width());
            node.put("height", size.height());
        }
    }

    private ObjectNode scores(int s) {
        ObjectNode scores = JSON.createObjectNode();
        for (TaskColumns t : index.tasks()) {
            for (Map.Entry<String, float[]> e : t.activeLearning().entrySet()) {
                float v = e.getValue()[s];
                if (!Float.isNaN(v)) {
                    scores.put(t.name() + "." + e.getKey(), Double.parseDouble(Float.toString(v)));
                }
            }
        }
        return scores;
    }

    /** The most frequent class of the sample in the first task where it has predictions, or null. */
    private @Nullable String label(int s) {
        for (TaskColumns t : index.tasks()) {
            if (t.start()[s + 1] > t.start()[s]) {
                int[] counts = new int[t.classes().size()];
                int best = t.classIndex()[t.start()[s]];
                for (int k = t.start()[s]; k < t.start()[s + 1]; k++) {
                    int c = t.classIndex()[k];
                    if (++counts[c] > counts[best]) {
                        best = c;
                    }
                }
                return t.classes().get(best);
            }
        }
        return null;
    }

    private JsonNode predictionFile(String task, String sample) throws IOException {
        String file = PredictionsLayout.file(task, sample);
        byte[] bytes = output.readAllBytes(file, maxFileBytes);
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new IOException(file + " is no longer valid JSON; restart the viewer to index it again.", e);
        }
    }

    private SampleFilter.Sets sets() {
        return new SampleFilter.Sets() {
            @Override
            public Set<String> runSelection(String runId) throws QueryException {
                try {
                    return runs.selected(runId);
                } catch (IOException e) {
                    throw new QueryException("The selection of run " + runId + " could not be read: " + e.getMessage());
                }
            }

            @Override
            public Set<String> tag(String tag) throws QueryException {
                try {
                    return tags.members(tag);
                } catch (IOException e) {
                    throw new QueryException("Tag " + tag + " could not be read: " + e.getMessage());
                }
            }

            @Override
            public Set<String> insideLasso(String runId, double[] polygon) throws QueryException {
                try {
                    return runs.inside(runId, polygon);
                } catch (IOException e) {
                    throw new QueryException("The map of run " + runId + " could not be read: " + e.getMessage());
                }
            }
        };
    }

    private static @Nullable String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max)
            throws QueryException {
        String text = first(params, name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new QueryException(name + "=" + text + " is not a whole number from " + min + " to " + max + ".");
        }
    }
}
