package org.pymemlab.cli;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a Python program prints, handed to the command's writer as UTF-8 text on every flush (the
 * program's streams flush at each line and at exit), so its output and the command's share one channel.
 */
final class WriterStream extends OutputStream {

    private final PrintWriter writer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public void write(int b) {
        pending.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
    }

    @Override
    public void flush() {
        if (pending.size() > 0) {
            writer.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
        writer.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
