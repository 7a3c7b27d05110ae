package dev.winnow.cli;

import dev.winnow.datasource.Locations;
import dev.winnow.datasource.UnsupportedLocationException;
import dev.winnow.embed.EmbeddingsConfig;
import dev.winnow.run.config.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embeddings file of a run.json when it is an object in a bucket: named so
 * ({@code "file": "s3://bucket/embeddings.csv"}), or relative to a run.json that is itself in a
 * bucket. The run reads a local copy of it, named by its location in every message.
 */
final class RunConfigFiles {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RunConfigFiles() {}

    /**
     * The bucket location of the embeddings file {@code json} names, or empty when it names none or a
     * local one. Malformed JSON gives empty: the parser reports it.
     */
    static Optional<String> embeddingsInBucket(String json, FileLocation config) throws UnsupportedLocationException {
        JsonNode file;
        try {
            file = MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json)
                    .path("embeddings")
                    .path("file");
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (!file.isString()) {
            return Optional.empty();
        }
        String named = file.asString();
        if (Locations.isCloud(named)) {
            return Optional.of(named);
        }
        if (config.isCloud() && !named.startsWith("/") && !named.contains("://")) {
            return Optional.of(resolve(config.folder(), named));
        }
        return Optional.empty();
    }

    /** {@code relative} ({@code emb/x.csv}, {@code ../x.csv}) below the bucket folder {@code folder}. */
    static String resolve(String folder, String relative) {
        int root = folder.indexOf("://") + 3;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : folder.substring(root).split("/")) {
            segments.addLast(segment);
        }
        for (String segment : relative.split("/")) {
            if (segment.equals("..") && segments.size() > 1) {
                segments.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return folder.substring(0, root) + String.join("/", segments);
    }

    /** {@code config} reading its precomputed embeddings from a local copy of the object at {@code location}. */
    static RunConfig withEmbeddings(RunConfig config, String location, LocalCopies copies) throws IOException {
        Path copy = new FileLocation.Converter().convert(location).forReading(copies);
        return new RunConfig(
                config.selection(),
                new EmbeddingsConfig.Precomputed(copy, location),
                config.datasource(),
                config.seed(),
                config.objectLevel(),
                config.frameStride());
    }
}
