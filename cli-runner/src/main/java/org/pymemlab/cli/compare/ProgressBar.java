package org.pymemlab.cli.compare;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on a terminal: cells done, elapsed time and an estimate of the time left (the mean
 * time per cell so far times the cells left), redrawn in place with a carriage return. Disabled it prints
 * nothing at all.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private int done;

    ProgressBar(PrintWriter err, int total, boolean enabled, LongSupplier nanoClock) {
        this.err = requireNonNull(err, "err is null");
        this.total = total;
        this.enabled = enabled;
        this.clock = requireNonNull(nanoClock, "nanoClock is null");
        this.start = nanoClock.getAsLong();
    }

    /**
     * Whether the standard streams are a terminal. Since JDK 22 {@link System#console()} is not null even when
     * redirected, so {@link Console#isTerminal()} decides.
     */
    static boolean onTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Shows the cell now running. */
    void running(String cell) {
        draw(cell);
    }

    /** One more cell done. */
    void cellDone() {
        done++;
        draw(null);
    }

    /** Ends the line. */
    void finish() {
        if (enabled) {
            err.print('\n');
            err.flush();
        }
    }

    String line(String cell) {
        long elapsed = clock.getAsLong() - start;
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        StringBuilder line = new StringBuilder("[");
        line.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        line.append(done).append('/').append(total).append(" cells, ").append(format(elapsed)).append(" elapsed");
        if (done > 0 && done < total) {
            line.append(", about ").append(format(elapsed / done * (total - done))).append(" left");
        }
        if (cell != null) {
            line.append(", running ").append(cell);
        }
        return line.toString();
    }

    private void draw(String cell) {
        if (!enabled) {
            return;
        }
        // \r and clear to the end of the line: the bar is redrawn in place.
        err.print("\r" + line(cell) + "\u001b[K");
        err.flush();
    }

    static String format(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
