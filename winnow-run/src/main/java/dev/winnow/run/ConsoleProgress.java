package dev.winnow.run;

import dev.winnow.datasource.Progress;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Shows a run's progress: a progress bar per phase on a terminal, or, when output goes to a file or
 * a pipe, one log line when a phase starts, at most one every few seconds while it runs, and one
 * when it ends.
 */
public final class ConsoleProgress implements Progress {
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintStream out;
    private final boolean terminal;
    private @Nullable ProgressBar bar;
    private @Nullable String phase;
    private long total;
    private long done;
    private long lastLog;

    /** Progress on {@code out}; bars when {@code terminal}, log lines otherwise. */
    public ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Progress on standard error, with bars when a console is attached. */
    public static ConsoleProgress standard() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public void phase(String name, long total) {
        endPhase();
        this.phase = name;
        this.total = total;
        this.done = 0;
        this.lastLog = System.nanoTime();
        if (terminal && total > 0) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .build();
        } else {
            out.println(total > 0 ? name + ": " + total + " to do" : name + "...");
        }
    }

    @Override
    public void advance(long done) {
        this.done = done;
        if (bar != null) {
            bar.stepTo(done);
        } else if (System.nanoTime() - lastLog > LOG_INTERVAL_NANOS) {
            lastLog = System.nanoTime();
            out.println(phase + ": " + done + (total > 0 ? " of " + total : ""));
        }
    }

    @Override
    public void endPhase() {
        if (phase == null) {
            return;
        }
        if (bar != null) {
            bar.stepTo(done);
            bar.close();
            bar = null;
        } else if (total > 0) {
            out.println(phase + ": done (" + done + " of " + total + ")");
        }
        phase = null;
    }

    @Override
    public void message(String line) {
        endPhase();
        out.println(line);
    }
}
