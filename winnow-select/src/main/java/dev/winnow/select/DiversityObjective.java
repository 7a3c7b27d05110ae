package dev.winnow.select;

import org.jspecify.annotations.Nullable;

/**
 * DIVERSITY inside the combined product: each candidate's distance to its nearest selected sample
 * (earlier runs' included) divided by the largest such distance among the candidates; 1 for all
 * before anything is selected. Stops when that largest distance falls below the minimum distance.
 */
final class DiversityObjective implements Objective {

    private final NearestSelectedDistances distances;
    private final EmbeddingStore store;
    private final double minimumDistance;

    DiversityObjective(NearestSelectedDistances distances, EmbeddingStore store, double minimumDistance) {
        this.distances = distances;
        this.store = store;
        this.minimumDistance = minimumDistance;
    }

    NearestSelectedDistances distances() {
        return distances;
    }

    EmbeddingStore store() {
        return store;
    }

    double minimumDistance() {
        return minimumDistance;
    }

    @Override
    public void evaluate(boolean[] remaining, double[] scaled, double[] raw) {
        int farthest = distances.farthest();
        double max = farthest < 0 ? 0 : distances.distance(farthest);
        for (int p = 0; p < remaining.length; p++) {
            if (remaining[p]) {
                double d = distances.distance(p);
                raw[p] = d;
                scaled[p] = distances.centers() == 0 || max == 0 ? 1 : Objective.clamp(d / max);
            }
        }
    }

    @Override
    public @Nullable StopReason stopBeforePick(boolean[] remaining) {
        int farthest = distances.farthest();
        return distances.centers() > 0 && farthest >= 0 && distances.distance(farthest) < minimumDistance
                ? StopReason.MINIMUM_DISTANCE_REACHED
                : null;
    }

    @Override
    public void picked(int p) {
        distances.remove(p);
        distances.addCenter(store.row(p));
    }
}
