package org.pymemlab.cli.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsCellsDoneElapsedAndAnEstimate() {
        AtomicLong now = new AtomicLong();
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 4, true, now::get);
        now.set(10_000_000_000L);
        bar.cellDone();
        assertEquals("[#######.......................] 1/4 cells, 0:10 elapsed, about 0:30 left, running x",
                bar.line("x"));
        bar.finish();
        assertTrue(text.toString().startsWith("\r[#######"), text::toString);
        assertTrue(text.toString().endsWith("\n"));
    }

    @Test
    void disabledPrintsNothing() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 2, false, System::nanoTime);
        bar.running("a");
        bar.cellDone();
        bar.finish();
        assertEquals("", text.toString());
    }
}
