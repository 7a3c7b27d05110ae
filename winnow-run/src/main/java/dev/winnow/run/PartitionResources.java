package dev.winnow.run;

import dev.winnow.datasource.Datasource;
import dev.winnow.datasource.Progress;
import dev.winnow.embed.EmbeddingSource;
import dev.winnow.media.VideoDecoder;
import dev.winnow.run.config.RunConfig;
import java.util.concurrent.ExecutorService;

/**
 * What computing one partition's rows needs: the locations, the run's configuration, the video
 * decoder, a pool to decode on, the embedder and a predictions loader (for crops). On this machine
 * they are the run's own; on a cluster each executor opens its own.
 */
record PartitionResources(
        Datasource input,
        RunConfig config,
        VideoDecoder videoDecoder,
        ExecutorService pool,
        Progress progress,
        EmbeddingSource source,
        PredictionsLoader loader) {}
