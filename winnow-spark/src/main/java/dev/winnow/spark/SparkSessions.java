package dev.winnow.spark;

import java.io.Closeable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The Spark session of one command: the one already running in this JVM (spark-submit's, or a
 * test's), or a new one on {@code --master}, stopped when the command ends.
 */
final class SparkSessions implements Closeable {
    private final SparkSession session;
    private final boolean owned;

    private SparkSessions(SparkSession session, boolean owned) {
        this.session = session;
        this.owned = owned;
    }

    static SparkSessions open(String appName, @Nullable String master) {
        if (SparkSession.getActiveSession().isDefined()) {
            return new SparkSessions(SparkSession.getActiveSession().get(), false);
        }
        if (SparkSession.getDefaultSession().isDefined()) {
            return new SparkSessions(SparkSession.getDefaultSession().get(), false);
        }
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null) {
            builder.master(master);
            if (master.startsWith("local")) {
                builder.config("spark.ui.enabled", "false");
            }
        }
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return new SparkSessions(session, true);
    }

    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    @Override
    public void close() {
        if (owned) {
            session.stop();
        }
    }
}
