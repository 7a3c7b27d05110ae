package dev.winnow.run.config;

import dev.winnow.embed.EmbeddingsConfig;
import dev.winnow.select.SelectionConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of {@code run.json}: what to select and how to embed, which samples to process and
 * the seed every random choice of the run derives from.
 *
 * <pre>{@code
 * RunConfig config = RunConfigParser.parse(Files.readString(path), "run.json", path.getParent());
 * }</pre>
 *
 * @param selection   what to select and how (the reference Worker's selection config)
 * @param embeddings  where embeddings come from (built-in by default)
 * @param datasource  datasource options
 * @param seed        seed of every random choice
 * @param objectLevel selection on object level, when configured
 * @param frameStride keep every k-th video frame (1 keeps all)
 */
public record RunConfig(
        SelectionConfig selection,
        EmbeddingsConfig embeddings,
        DatasourceOptions datasource,
        long seed,
        Optional<ObjectLevelOptions> objectLevel,
        int frameStride) {

    /** The seed used when {@code run.json} names none. */
    public static final long DEFAULT_SEED = 0L;

    public RunConfig {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(datasource, "datasource");
        objectLevel = objectLevel == null ? Optional.empty() : objectLevel;
        if (frameStride < 1) {
            throw new IllegalArgumentException("The frame stride must be 1 or more, but was " + frameStride + ".");
        }
    }
}
